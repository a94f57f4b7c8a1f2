#pragma once
// What a YAML file says beside its values, by position: the comment that documents a key, and a value's
// text as written. The document tree (model/document.h) keeps positions but not comments (libyaml drops
// them), so the loaders take these from the file's text at a node's position; reports then show an
// input's source comment without reading any file.
#include <string>
#include <string_view>

namespace flowcost::model {

// The comment that documents the key on `line` (1-based) of `text`: the run of comment-only lines directly
// above it (no blank line between), then the comment at the end of that line; each without its `#` and the
// blanks around, joined with single spaces. "" when there is none or `line` is outside the text.
std::string comment_for_line(std::string_view text, int line);

// The value that starts at `line`:`column` (1-based) of `text`, as written: the rest of that line and every
// following line indented more than `key_column` (the column of the value's key), comments and blank lines
// left out, lines joined with single spaces. "" when the position is outside the text.
std::string value_text(std::string_view text, int line, int column, int key_column);

}  // namespace flowcost::model
