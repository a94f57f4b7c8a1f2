#pragma once
// Syntax checks of the JSONPath dialect ASL uses (docs/sources.md#asl-jsonpath): Paths (`$.a[*].b`, filters,
// unions, `..`), Reference Paths (one node only: `.name`, `['name']`, `[0]`), the context object `$$`
// and variables `$name`.
#include <optional>
#include <string>
#include <string_view>

namespace flowcost::model::asl {

enum class PathKind {
  path,       // any Path: wildcards, filters, slices, unions, deep scan
  reference,  // a Reference Path: a single node
  result,     // ResultPath: a Reference Path on the data, not `$$...` and not a variable
};

// nullopt when valid; otherwise why not, e.g. `expected a name after "."`.
std::optional<std::string> check_path(std::string_view text, PathKind kind);

// The variable a path starts with (`$var.x` -> "var"); nullopt for `$`, `$.x`, `$[0]` and `$$...`.
std::optional<std::string> path_variable(std::string_view text);

// True when `text` starts like a path (`$` then end, `.`, `[`, `$` or an identifier).
bool looks_like_path(std::string_view text);

}  // namespace flowcost::model::asl
