#pragma once
// "Did you mean" suggestions and the unknown-key check that every loader uses.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.h"
#include "model/document.h"

namespace flowcost::model {

// Case-insensitive Levenshtein distance.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `name`, if it is close enough to be a likely typo
// (distance at most max(2, len/3), or equal ignoring case).
std::optional<std::string> closest_name(std::string_view name, const std::vector<std::string>& candidates);

// `unknown field "Nxt"; did you mean "Next"?` (the suggestion part only when there is one).
std::string unknown_name_message(std::string_view what, std::string_view name,
                                 const std::vector<std::string>& candidates);

// Reports every key of mapping `node` not in `allowed` as an error at the key, with a suggestion.
// `what` names the kind of key in the message ("field", "key", "input").
void check_known_keys(const Node& node, const std::vector<std::string>& allowed, Diagnostics& diags,
                      std::string_view what = "field");

}  // namespace flowcost::model
