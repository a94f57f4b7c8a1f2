#include "model/yaml_comments.h"

#include <algorithm>
#include <vector>

namespace flowcost::model {

namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

// Where the comment of `line` starts (its `#`), or npos: a `#` at the start or after a blank, outside
// single- and double-quoted scalars.
std::size_t comment_start(std::string_view line) {
  bool in_single = false, in_double = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (in_double) {
      if (c == '\\') ++i;
      else if (c == '"') in_double = false;
    } else if (in_single) {
      if (c == '\'') in_single = false;  // '' inside a single-quoted scalar closes and reopens
    } else if (c == '"') {
      in_double = true;
    } else if (c == '\'') {
      in_single = true;
    } else if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      return i;
    }
  }
  return std::string_view::npos;
}

std::string_view comment_text(std::string_view line, std::size_t hash) {
  std::string_view c = line.substr(hash);
  while (!c.empty() && c.front() == '#') c.remove_prefix(1);
  return trim(c);
}

bool comment_only(std::string_view line) {
  const std::string_view t = trim(line);
  return !t.empty() && t.front() == '#';
}

std::size_t indent_of(std::string_view line) {
  const auto first = line.find_first_not_of(" \t");
  return first == std::string_view::npos ? line.size() : first;
}

void join(std::string& out, std::string_view part) {
  if (part.empty()) return;
  if (!out.empty()) out += ' ';
  out += part;
}

}  // namespace

std::string comment_for_line(std::string_view text, int line) {
  const auto lines = split_lines(text);
  if (line < 1 || static_cast<std::size_t>(line) > lines.size()) return "";
  const std::size_t at = static_cast<std::size_t>(line) - 1;
  std::size_t first = at;
  while (first > 0 && comment_only(lines[first - 1])) --first;
  std::string out;
  for (std::size_t i = first; i < at; ++i) join(out, comment_text(lines[i], comment_start(lines[i])));
  if (const std::size_t hash = comment_start(lines[at]); hash != std::string_view::npos)
    join(out, comment_text(lines[at], hash));
  return out;
}

std::string value_text(std::string_view text, int line, int column, int key_column) {
  const auto lines = split_lines(text);
  if (line < 1 || column < 1 || static_cast<std::size_t>(line) > lines.size()) return "";
  std::string out;
  auto code = [](std::string_view l) { return trim(l.substr(0, std::min(l.size(), comment_start(l)))); };
  const std::string_view first = lines[static_cast<std::size_t>(line) - 1];
  const std::size_t start = static_cast<std::size_t>(column) - 1;
  if (start < first.size()) join(out, code(first.substr(start)));
  for (std::size_t i = static_cast<std::size_t>(line); i < lines.size(); ++i) {
    const std::string_view l = lines[i];
    if (trim(l).empty() || comment_only(l)) continue;
    if (indent_of(l) + 1 <= static_cast<std::size_t>(std::max(key_column, 1))) break;
    join(out, code(l));
  }
  return out;
}

}  // namespace flowcost::model
