#pragma once
// The StringMatches comparison of a Choice rule (docs/sources.md#asl-states "Choice"): `*` matches any run of
// characters (none included); `\*` is a literal `*` and `\\` a literal `\`. No other character is special
// (not `?`, not `[`). The loader refuses a pattern that ends in an unfinished escape.
#include <string_view>

namespace flowcost::model::asl {

// Does `text` match `pattern`, code unit by code unit? A backslash before any other character stands for
// that character.
bool string_matches(std::string_view pattern, std::string_view text);

}  // namespace flowcost::model::asl
