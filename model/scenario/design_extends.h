#pragma once
// `extends: OTHER_DESIGN` in a scenario's design entry (docs/scenario-format.md#designs-that-share-fields): the
// entry is its base's fields (resolved first, so a chain works) deep-merged with its own. Mappings merge key by
// key, at every depth; any other value (a scalar, a list) replaces the base's whole; a `null` value removes the
// base's key. The entry's own `name` is kept (the base's is not inherited), `extends` itself is dropped. Every
// merged node keeps the position of its own text, so a diagnostic in an inherited field points into the base.
#include <deque>
#include <vector>

#include "model/diagnostics.h"
#include "model/document.h"

namespace flowcost::model {

// For each design item (a mapping) of `items`, in order: the mapping to load (the item itself when it has no
// `extends`, else a merged copy kept in `storage`), or nullptr when it cannot be resolved: an `extends` that is
// not a design name, names an unknown design, or closes a cycle is an error at its value.
std::vector<const Node*> resolve_design_extends(const std::vector<const Node*>& items, std::deque<Node>& storage,
                                                Diagnostics& diags);

}  // namespace flowcost::model
