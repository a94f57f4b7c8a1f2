#include "model/asl/jsonata.h"

#include <cctype>
#include <vector>

namespace flowcost::model::asl {

namespace {

bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80); }

char closer_of(char open) { return open == '(' ? ')' : open == '[' ? ']' : '}'; }

}  // namespace

std::optional<std::string> check_jsonata(std::string_view body) {
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) return "empty JSONata expression";
  std::vector<char> open;
  for (std::size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c == '"' || c == '\'' || c == '`') {
      std::size_t j = i + 1;
      while (j < body.size() && body[j] != c) {
        if (body[j] == '\\' && c != '`') ++j;
        ++j;
      }
      if (j >= body.size()) return std::string("unterminated ") + (c == '`' ? "name" : "string") + " in JSONata expression";
      i = j;
      continue;
    }
    if (c == '/' && i + 1 < body.size() && body[i + 1] == '*') {
      std::size_t end = body.find("*/", i + 2);
      if (end == std::string_view::npos) return "unterminated comment in JSONata expression";
      i = end + 1;
      continue;
    }
    if (c == '(' || c == '[' || c == '{') {
      open.push_back(c);
      continue;
    }
    if (c == ')' || c == ']' || c == '}') {
      if (open.empty() || closer_of(open.back()) != c)
        return std::string("unbalanced \"") + c + "\" in JSONata expression";
      open.pop_back();
      continue;
    }
    if (c == '$' && open.empty()) {
      bool prev_ident = i > 0 && (ident_char(body[i - 1]) || body[i - 1] == '.');
      bool next_ident = i + 1 < body.size() && ident_char(body[i + 1]);
      if (!prev_ident && !next_ident)
        return "\"$\" and \"$$\" cannot be used at the top level of a JSONata expression; use $states.input";
      while (i + 1 < body.size() && ident_char(body[i + 1])) ++i;
    }
  }
  if (!open.empty()) return std::string("missing \"") + closer_of(open.back()) + "\" in JSONata expression";
  return std::nullopt;
}

}  // namespace flowcost::model::asl
