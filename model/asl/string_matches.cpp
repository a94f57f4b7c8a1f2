#include "model/asl/string_matches.h"

#include <vector>

namespace flowcost::model::asl {

namespace {

struct Token {
  char c = 0;
  bool star = false;  // an unescaped `*`
};

std::vector<Token> tokens_of(std::string_view pattern) {
  std::vector<Token> out;
  out.reserve(pattern.size());
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\' && i + 1 < pattern.size()) out.push_back({pattern[++i], false});
    else out.push_back({pattern[i], pattern[i] == '*'});
  }
  return out;
}

}  // namespace

bool string_matches(std::string_view pattern, std::string_view text) {
  const std::vector<Token> p = tokens_of(pattern);
  // Greedy with one backtrack point, the last star seen: each star then only ever grows, so the match is
  // O(|pattern| x |text|) at worst and linear in practice.
  std::size_t i = 0, j = 0;
  std::size_t star = p.size(), star_text = 0;
  while (j < text.size()) {
    if (i < p.size() && p[i].star) {
      star = i++;
      star_text = j;
    } else if (i < p.size() && p[i].c == text[j]) {
      ++i;
      ++j;
    } else if (star != p.size()) {
      i = star + 1;
      j = ++star_text;
    } else {
      return false;
    }
  }
  while (i < p.size() && p[i].star) ++i;
  return i == p.size();
}

}  // namespace flowcost::model::asl
