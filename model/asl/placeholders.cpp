#include "model/asl/placeholders.h"

#include <cctype>

namespace flowcost::model::asl {

namespace {

bool name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == ':' || c == '-' || c == '!';
}

// Length of a well-formed placeholder at text[i] ("${" already seen), or 0 with `why` set.
std::size_t placeholder_length(std::string_view text, std::size_t i, std::string& why) {
  std::size_t close = text.find('}', i + 2);
  if (close == std::string_view::npos) {
    why = "unterminated placeholder \"" + std::string(text.substr(i, 20)) + "\": missing \"}\"";
    return 0;
  }
  std::string_view name = text.substr(i + 2, close - i - 2);
  if (name.empty()) {
    why = "empty placeholder \"${}\"";
    return 0;
  }
  for (char c : name) {
    if (!name_char(c)) {
      why = "malformed placeholder \"" + std::string(text.substr(i, close - i + 1)) +
            "\": a name has only letters, digits and _ . : - !";
      return 0;
    }
  }
  return close - i + 1;
}

void scan_text(const std::string& text, const SourceLocation& loc, bool quoted_scalar, Diagnostics& diags,
               bool& any) {
  for (std::size_t i = text.find("${"); i != std::string::npos; i = text.find("${", i + 1)) {
    std::string why;
    std::size_t len = placeholder_length(text, i, why);
    if (len == 0) {
      SourceLocation at = loc;
      bool single_line = text.find('\n') == std::string::npos;
      if (single_line && at.known()) at.column += static_cast<int>(i) + (quoted_scalar ? 1 : 0);
      diags.error(at, why);
      return;  // one report per string: a broken "${" spoils what follows
    }
    any = true;
    i += len - 1;
  }
}

void scan_node(const Node& n, Diagnostics& diags, bool& any) {
  if (n.is_scalar()) scan_text(n.text, n.loc, n.quoted, diags, any);
  for (const auto& item : n.items) scan_node(item, diags, any);
  for (const auto& m : n.members) {
    scan_text(m.key, m.key_loc, false, diags, any);
    scan_node(m.value, diags, any);
  }
}

}  // namespace

bool scan_placeholders(const Node& root, Diagnostics& diags) {
  bool any = false;
  scan_node(root, diags, any);
  return any;
}

bool has_placeholder(std::string_view text) {
  for (std::size_t i = text.find("${"); i != std::string_view::npos; i = text.find("${", i + 1)) {
    std::string why;
    if (placeholder_length(text, i, why) > 0) return true;
  }
  return false;
}

std::string replace_placeholders(std::string_view text, std::string_view with) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text.substr(i, 2) == "${") {
      std::string why;
      std::size_t len = placeholder_length(text, i, why);
      if (len > 0) {
        out += with;
        i += len;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

std::vector<PlaceholderAt> placeholders_in(std::string_view text) {
  std::vector<PlaceholderAt> out;
  for (std::size_t i = text.find("${"); i != std::string_view::npos; i = text.find("${", i + 1)) {
    std::string why;
    std::size_t len = placeholder_length(text, i, why);
    if (len == 0) continue;
    out.push_back({i, len, std::string(text.substr(i + 2, len - 3))});
    i += len - 1;
  }
  return out;
}

std::vector<PlaceholderAt> bare_placeholders(std::string_view json_text) {
  std::vector<PlaceholderAt> out;
  bool in_string = false;
  std::size_t i = 0;
  for (auto& p : placeholders_in(json_text)) {
    for (; i < p.offset; ++i) {
      if (json_text[i] == '"') in_string = !in_string;
      else if (in_string && json_text[i] == '\\') ++i;
    }
    if (i > p.offset) continue;  // an escaped character was the placeholder's `$`
    if (!in_string) out.push_back(std::move(p));
  }
  return out;
}

bool is_whole_placeholder(std::string_view text) {
  if (text.size() < 4 || text.substr(0, 2) != "${") return false;
  std::string why;
  return placeholder_length(text, 0, why) == text.size();
}

}  // namespace flowcost::model::asl
