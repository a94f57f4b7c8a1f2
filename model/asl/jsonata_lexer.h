#pragma once
// Tokens of a JSONata expression (jsonata.org 2.0 grammar) for the syntax check in jsonata.cpp.
#include <optional>
#include <string>
#include <string_view>

namespace flowcost::model::asl {

struct JsonataToken {
  enum class Kind { op, string, number, name, variable, regex, value, end } kind = Kind::end;
  std::string text;      // operator, name, variable (without "$"), value word
  std::size_t pos = 0;   // 0-based offset in the expression
};

class JsonataLexer {
 public:
  explicit JsonataLexer(std::string_view text) : s_(text) {}

  // The next token; `regex_allowed` when the parser expects an operand (so "/" starts a regex).
  // Sets error() and returns an end token on a lexical error.
  JsonataToken next(bool regex_allowed);
  // Skips a function signature "<...>" if one starts at the current position.
  void skip_signature();

  const std::optional<std::string>& error() const { return error_; }

 private:
  void skip_space_and_comments();

  std::string_view s_;
  std::size_t i_ = 0;
  std::optional<std::string> error_;
};

}  // namespace flowcost::model::asl
