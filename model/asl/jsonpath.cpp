#include "model/asl/jsonpath.h"

#include <cctype>

namespace flowcost::model::asl {

namespace {

bool ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80); }
bool ident_char(char c) { return ident_start(c) || std::isdigit(static_cast<unsigned char>(c)); }
// Characters allowed in a dot-notation member name.
bool name_char(char c) {
  return !(c == '.' || c == '[' || c == ']' || c == '(' || c == ')' || c == ' ' || c == '\t' || c == '\'' ||
           c == '"' || c == ',');
}

class PathParser {
 public:
  PathParser(std::string_view s, PathKind kind) : s_(s), kind_(kind) {}

  std::optional<std::string> run() {
    if (s_.empty() || s_[0] != '$') return "a path must start with \"$\"";
    i_ = 1;
    if (i_ < s_.size() && s_[i_] == '$') {
      if (kind_ == PathKind::result) return "cannot write into the context object \"$$\"";
      ++i_;
    } else if (i_ < s_.size() && ident_start(s_[i_])) {
      if (kind_ == PathKind::result) return "cannot write into a variable";
      while (i_ < s_.size() && ident_char(s_[i_])) ++i_;
    }
    while (i_ < s_.size()) {
      if (auto e = segment()) return e;
    }
    return std::nullopt;
  }

 private:
  bool path_only() const { return kind_ == PathKind::path; }

  std::optional<std::string> segment() {
    char c = s_[i_];
    if (c == '.') {
      ++i_;
      if (i_ < s_.size() && s_[i_] == '.') {
        if (!path_only()) return "a reference path cannot use \"..\"";
        ++i_;
        if (i_ < s_.size() && s_[i_] == '[') return bracket();
      }
      if (i_ >= s_.size()) return "expected a name after \".\"";
      if (s_[i_] == '[') return bracket();  // Jayway reads `$.[0]` and `$.['a']` as `$[0]` and `$['a']`
      if (s_[i_] == '*') {
        if (!path_only()) return "a reference path cannot use \"*\"";
        ++i_;
        return std::nullopt;
      }
      std::size_t start = i_;
      while (i_ < s_.size() && name_char(s_[i_])) ++i_;
      if (i_ == start) return "expected a name after \".\"";
      if (i_ + 1 < s_.size() && s_[i_] == '(' && s_[i_ + 1] == ')') {  // function such as length()
        if (!path_only()) return "a reference path cannot call a function";
        i_ += 2;
      }
      return std::nullopt;
    }
    if (c == '[') return bracket();
    return "unexpected \"" + std::string(1, c) + "\" at offset " + std::to_string(i_);
  }

  // From '[' to the matching ']'.
  std::optional<std::string> bracket() {
    ++i_;
    std::size_t start = i_;
    if (i_ < s_.size() && (s_[i_] == '\'' || s_[i_] == '"')) {
      char q = s_[i_++];
      while (i_ < s_.size() && s_[i_] != q) {
        if (s_[i_] == '\\') ++i_;
        ++i_;
      }
      if (i_ >= s_.size()) return "unterminated quoted name";
      ++i_;
      if (i_ < s_.size() && s_[i_] == ']') {
        ++i_;
        return std::nullopt;
      }
      if (!path_only()) return "a reference path selects one member per bracket";
      i_ = start;
    }
    // Scan to the matching bracket, honouring quotes and nested brackets/parentheses.
    int depth = 0;
    char quote = 0;
    for (; i_ < s_.size(); ++i_) {
      char c = s_[i_];
      if (quote) {
        if (c == '\\') ++i_;
        else if (c == quote) quote = 0;
        continue;
      }
      if (c == '\'' || c == '"') quote = c;
      else if (c == '[' || c == '(') ++depth;
      else if (c == ')') --depth;
      else if (c == ']') {
        if (depth == 0) break;
        --depth;
      }
    }
    if (i_ >= s_.size()) return "missing \"]\"";
    std::string_view inner = s_.substr(start, i_ - start);
    ++i_;
    if (inner.empty()) return "empty \"[]\"";
    bool digits = true;
    std::size_t k = 0;
    if (inner[0] == '-') k = 1;
    if (k == inner.size()) digits = false;
    for (; k < inner.size(); ++k)
      if (!std::isdigit(static_cast<unsigned char>(inner[k]))) digits = false;
    if (digits) {
      if (inner[0] == '-' && !path_only()) return "a reference path cannot use a negative index";
      return std::nullopt;
    }
    if (!path_only()) return "a reference path cannot use \"[" + std::string(inner) + "]\"";
    if (inner[0] == '?' && (inner.size() < 3 || inner[1] != '(' || inner.back() != ')'))
      return "a filter must be written \"[?(...)]\"";
    return std::nullopt;
  }

  std::string_view s_;
  PathKind kind_;
  std::size_t i_ = 0;
};

}  // namespace

std::optional<std::string> check_path(std::string_view text, PathKind kind) {
  // Step Functions compiles paths with Jayway JsonPath, which trims surrounding whitespace first
  // (docs/validation-rules.md P1).
  std::size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return PathParser(text, kind).run();
  std::size_t end = text.find_last_not_of(" \t\r\n");
  return PathParser(text.substr(begin, end - begin + 1), kind).run();
}

std::optional<std::string> path_variable(std::string_view text) {
  if (text.size() < 2 || text[0] != '$' || !ident_start(text[1])) return std::nullopt;
  std::size_t i = 1;
  while (i < text.size() && ident_char(text[i])) ++i;
  return std::string(text.substr(1, i - 1));
}

bool looks_like_path(std::string_view text) {
  if (text.empty() || text[0] != '$') return false;
  if (text.size() == 1) return true;
  char c = text[1];
  return c == '.' || c == '[' || c == '$';
}

}  // namespace flowcost::model::asl
