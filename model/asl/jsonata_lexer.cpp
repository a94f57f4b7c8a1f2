#include "model/asl/jsonata_lexer.h"

#include <cctype>
#include <cstring>

namespace flowcost::model::asl {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }
bool is_operator_char(char c) { return c != 0 && std::strchr(".[]{}(),@#;:?+-*/%|=<>^&!~", c) != nullptr; }
bool is_name_char(char c) { return !is_space(c) && !is_operator_char(c) && c != '"' && c != '\'' && c != '`'; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

}  // namespace

void JsonataLexer::skip_space_and_comments() {
  for (;;) {
    while (i_ < s_.size() && is_space(s_[i_])) ++i_;
    if (s_.substr(i_, 2) != "/*") return;
    std::size_t end = s_.find("*/", i_ + 2);
    if (end == std::string_view::npos) {
      error_ = "unterminated comment";
      i_ = s_.size();
      return;
    }
    i_ = end + 2;
  }
}

void JsonataLexer::skip_signature() {
  skip_space_and_comments();
  if (i_ >= s_.size() || s_[i_] != '<') return;
  int depth = 0;
  for (; i_ < s_.size(); ++i_) {
    if (s_[i_] == '<') ++depth;
    else if (s_[i_] == '>' && --depth == 0) {
      ++i_;
      return;
    }
  }
  error_ = "unterminated function signature";
}

JsonataToken JsonataLexer::next(bool regex_allowed) {
  skip_space_and_comments();
  JsonataToken t;
  t.pos = i_;
  if (error_ || i_ >= s_.size()) return t;
  char c = s_[i_];
  if (c == '/' && regex_allowed) {
    std::size_t j = i_ + 1;
    int depth = 0;
    while (j < s_.size() && !(s_[j] == '/' && depth == 0)) {
      if (s_[j] == '\\') ++j;
      else if (s_[j] == '[') ++depth;
      else if (s_[j] == ']' && depth > 0) --depth;
      ++j;
    }
    if (j >= s_.size()) {
      error_ = "unterminated regular expression";
      return t;
    }
    if (j == i_ + 1) {
      error_ = "empty regular expression";
      return t;
    }
    ++j;
    while (j < s_.size() && (s_[j] == 'i' || s_[j] == 'm')) ++j;
    t.kind = JsonataToken::Kind::regex;
    t.text = std::string(s_.substr(i_, j - i_));
    i_ = j;
    return t;
  }
  static const char* const two_char_ops[] = {"..", ":=", "!=", ">=", "<=", "**", "~>", "?:", "??"};
  for (const char* op : two_char_ops) {
    if (s_.substr(i_, 2) == op) {
      t.kind = JsonataToken::Kind::op;
      t.text = op;
      i_ += 2;
      return t;
    }
  }
  if (is_operator_char(c)) {
    t.kind = JsonataToken::Kind::op;
    t.text = std::string(1, c);
    ++i_;
    return t;
  }
  if (c == '"' || c == '\'') {
    std::size_t j = i_ + 1;
    while (j < s_.size() && s_[j] != c) {
      if (s_[j] == '\\') ++j;
      ++j;
    }
    if (j >= s_.size()) {
      error_ = "unterminated string";
      return t;
    }
    t.kind = JsonataToken::Kind::string;
    t.text = std::string(s_.substr(i_ + 1, j - i_ - 1));
    i_ = j + 1;
    return t;
  }
  if (c == '`') {
    std::size_t end = s_.find('`', i_ + 1);
    if (end == std::string_view::npos) {
      error_ = "unterminated quoted name";
      return t;
    }
    t.kind = JsonataToken::Kind::name;
    t.text = std::string(s_.substr(i_ + 1, end - i_ - 1));
    i_ = end + 1;
    return t;
  }
  if (is_digit(c)) {
    std::size_t j = i_;
    if (s_[j] == '0') ++j;
    else while (j < s_.size() && is_digit(s_[j])) ++j;
    if (j + 1 < s_.size() && s_[j] == '.' && is_digit(s_[j + 1])) {
      j += 2;
      while (j < s_.size() && is_digit(s_[j])) ++j;
    }
    if (j < s_.size() && (s_[j] == 'e' || s_[j] == 'E')) {
      std::size_t k = j + 1;
      if (k < s_.size() && (s_[k] == '+' || s_[k] == '-')) ++k;
      if (k < s_.size() && is_digit(s_[k])) {
        while (k < s_.size() && is_digit(s_[k])) ++k;
        j = k;
      }
    }
    t.kind = JsonataToken::Kind::number;
    t.text = std::string(s_.substr(i_, j - i_));
    i_ = j;
    return t;
  }
  if (c == '$') {
    std::size_t j = i_ + 1;
    while (j < s_.size() && (is_name_char(s_[j]))) ++j;
    t.kind = JsonataToken::Kind::variable;
    t.text = std::string(s_.substr(i_ + 1, j - i_ - 1));
    i_ = j;
    return t;
  }
  std::size_t j = i_;
  while (j < s_.size() && is_name_char(s_[j])) ++j;
  t.text = std::string(s_.substr(i_, j - i_));
  i_ = j;
  if (t.text == "and" || t.text == "or" || t.text == "in") t.kind = JsonataToken::Kind::op;
  else if (t.text == "true" || t.text == "false" || t.text == "null") t.kind = JsonataToken::Kind::value;
  else t.kind = JsonataToken::Kind::name;
  return t;
}

}  // namespace flowcost::model::asl
