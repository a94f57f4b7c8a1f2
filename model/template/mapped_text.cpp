#include "model/template/mapped_text.h"

#include "model/json_surrogates.h"
#include "model/line_index.h"

namespace flowcost::model::templates {

namespace {

bool utf8_lead(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

// Byte offset of 1-based (line, column in UTF-8 characters) in `text`; clamped to the text's end.
std::size_t offset_of(std::string_view text, int line, int column) {
  std::size_t i = 0;
  for (int l = 1; l < line && i < text.size(); ++i)
    if (text[i] == '\n') ++l;
  for (int c = 1; i < text.size() && text[i] != '\n';) {
    if (c == column) break;
    ++i;
    while (i < text.size() && !utf8_lead(text[i])) ++i;
    ++c;
  }
  return i;
}

// Byte offset of 1-based (line, column) in the text `lines` indexes (clamped to the text's end); linear in
// the length of that line only.
std::size_t offset_of(const LineIndex& lines, std::string_view text, int line, int column) {
  if (line < 1 || line > static_cast<int>(lines.line_count())) return text.size();
  std::string_view l = lines.line(line);
  std::size_t start = static_cast<std::size_t>(l.data() - text.data());
  return start + offset_of(l, 1, column);
}

SourceLocation origin_at(const MappedText& m, const LineIndex& lines, const SourceLocation& at) {
  if (!at.known() || m.origin.empty()) return at;
  std::size_t off = offset_of(lines, m.text, at.line, at.column);
  if (off >= m.origin.size()) off = m.origin.size() - 1;
  return {m.file, m.origin[off].line, m.origin[off].column};
}

void remap_node(Node& n, const MappedText& m, const LineIndex& lines) {
  n.loc = origin_at(m, lines, n.loc);
  for (auto& item : n.items) remap_node(item, m, lines);
  for (auto& member : n.members) {
    member.key_loc = origin_at(m, lines, member.key_loc);
    remap_node(member.value, m, lines);
  }
}

MappedText uniform(const Node& scalar, const std::string& file) {
  MappedText m;
  m.file = file;
  m.append(scalar.text, scalar.loc);
  return m;
}

// The 1-based column (in UTF-8 characters) of byte `i` of `line`: one more than the characters before it.
int column_of(std::string_view line, std::size_t i) {
  int column = 1;
  for (std::size_t k = 0; k < i && k < line.size(); ++k)
    if (utf8_lead(line[k])) ++column;
  return column;
}

int leading_spaces(std::string_view line) {
  int n = 0;
  while (n < static_cast<int>(line.size()) && line[static_cast<std::size_t>(n)] == ' ') ++n;
  return n;
}

// A literal block: its content lines follow the indicator's line, each indented by the same amount.
bool trace_literal_block(const Node& scalar, const LineIndex& lines, MappedText& out) {
  int indent = -1;
  for (int l = scalar.loc.line + 1; l <= static_cast<int>(lines.line_count()); ++l) {
    std::string_view text = lines.line(l);
    if (text.find_first_not_of(' ') == std::string_view::npos) continue;
    indent = leading_spaces(text);
    break;
  }
  if (indent < 0) return false;
  const std::string& value = scalar.text;
  int line = scalar.loc.line + 1;
  std::size_t start = 0;
  while (start < value.size()) {
    std::size_t end = value.find('\n', start);
    std::string_view piece(value.data() + start, (end == std::string::npos ? value.size() : end) - start);
    std::string_view source = lines.line(line);
    std::string_view body = source.size() >= static_cast<std::size_t>(indent) ? source.substr(static_cast<std::size_t>(indent))
                                                                              : std::string_view();
    if (body != piece && !(piece.empty() && source.find_first_not_of(' ') == std::string_view::npos)) return false;
    int column = indent + 1;
    for (std::size_t i = 0; i < piece.size(); ++i) {
      out.origin.push_back({line, column});
      if (i + 1 < piece.size() && utf8_lead(piece[i + 1])) ++column;
    }
    if (end == std::string::npos) break;
    out.origin.push_back({line, indent + 1 + static_cast<int>(piece.size())});  // the line break
    start = end + 1;
    ++line;
  }
  out.text = value;
  return out.origin.size() == value.size();
}

// `code` as UTF-8.
std::string utf8_of(unsigned long code) {
  std::string out;
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
  return out;
}

// A double-quoted string on one line: JSON's escapes (\uXXXX and its surrogate pairs too) and YAML's \x and
// \U, each decoded byte at its escape's column.
bool trace_double_quoted(const Node& scalar, const LineIndex& lines, std::size_t i, MappedText& out) {
  std::string_view source = lines.line(scalar.loc.line);
  if (i >= source.size() || source[i] != '"') return false;
  int column = column_of(source, i);  // the column of byte i, kept as i moves forward
  auto advance = [&](std::size_t to) {
    for (; i < to; ++i)
      if (i + 1 < source.size() && utf8_lead(source[i + 1])) ++column;
  };
  std::string decoded;
  advance(i + 1);
  while (i < source.size() && source[i] != '"') {
    TextOrigin at{scalar.loc.line, column};
    char c = source[i];
    if (c != '\\') {
      decoded += c;
      out.origin.push_back(at);
      advance(i + 1);
      continue;
    }
    if (i + 1 >= source.size()) return false;
    char e = source[i + 1];
    if (e == 'u' || e == 'U' || e == 'x') {
      const std::size_t digits = e == 'u' ? 4 : e == 'U' ? 8 : 2;
      long code = hex_digits_at(source, i + 2, digits);
      std::size_t length = 2 + digits;
      if (code >= 0xD800 && code <= 0xDBFF && e == 'u' && i + 7 < source.size() && source[i + 6] == '\\' &&
          source[i + 7] == 'u') {
        const long low = hex_digits_at(source, i + 8, 4);
        if (low >= 0xDC00 && low <= 0xDFFF) {
          code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
          length = 12;
        }
      }
      if (code < 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
      for (char byte : utf8_of(static_cast<unsigned long>(code))) {
        decoded += byte;
        out.origin.push_back(at);
      }
      advance(i + length);
      continue;
    }
    char piece = 0;
    switch (e) {
      case 'n': piece = '\n'; break;
      case 't': piece = '\t'; break;
      case 'r': piece = '\r'; break;
      case 'b': piece = '\b'; break;
      case 'f': piece = '\f'; break;
      case '"': case '\\': case '/': piece = e; break;
      default: return false;  // YAML's other escapes (\0, \e, \N, ...): not traced
    }
    decoded += piece;
    out.origin.push_back(at);
    advance(i + 2);
  }
  if (i >= source.size() || decoded != scalar.text) return false;
  out.text = std::move(decoded);
  return true;
}

// A single-quoted string on one line: '' stands for ', each byte at its column.
bool trace_single_quoted(const Node& scalar, const LineIndex& lines, std::size_t i, MappedText& out) {
  std::string_view source = lines.line(scalar.loc.line);
  if (i >= source.size() || source[i] != '\'') return false;
  int column = column_of(source, i) + 1;
  std::string decoded;
  for (++i; i < source.size(); ++i) {
    if (source[i] == '\'') {
      if (i + 1 >= source.size() || source[i + 1] != '\'') break;  // the closing quote
      decoded += '\'';
      out.origin.push_back({scalar.loc.line, column});
      column += 2;
      ++i;
      continue;
    }
    decoded += source[i];
    out.origin.push_back({scalar.loc.line, column});
    if (i + 1 < source.size() && utf8_lead(source[i + 1])) ++column;
  }
  if (i >= source.size() || decoded != scalar.text) return false;
  out.text = std::move(decoded);
  return true;
}

// A plain scalar on one line: its bytes as written.
bool trace_plain(const Node& scalar, const LineIndex& lines, std::size_t i, MappedText& out) {
  std::string_view source = lines.line(scalar.loc.line);
  if (source.substr(i, scalar.text.size()) != scalar.text) return false;
  int column = column_of(source, i);
  for (std::size_t k = 0; k < scalar.text.size(); ++k) {
    out.origin.push_back({scalar.loc.line, column});
    if (k + 1 < scalar.text.size() && utf8_lead(scalar.text[k + 1])) ++column;
  }
  out.text = scalar.text;
  return true;
}

// A folded block (`>`, `>-`) of lines with one indentation and no blank line: the lines joined by spaces,
// each space at the end of the line it replaces.
bool trace_folded_block(const Node& scalar, const LineIndex& lines, MappedText& out) {
  int indent = -1;
  std::string decoded;
  for (int l = scalar.loc.line + 1; l <= static_cast<int>(lines.line_count()); ++l) {
    std::string_view text = lines.line(l);
    if (text.find_first_not_of(' ') == std::string_view::npos) break;
    const int spaces = leading_spaces(text);
    if (indent < 0) indent = spaces;
    if (spaces < indent) break;  // the block ended
    if (spaces > indent) return false;  // a more-indented line keeps its line break: not traced
    if (!decoded.empty()) {
      decoded += ' ';
      out.origin.push_back(out.origin.back());
    }
    int column = indent + 1;
    std::string_view body = text.substr(static_cast<std::size_t>(indent));
    for (std::size_t k = 0; k < body.size(); ++k) {
      decoded += body[k];
      out.origin.push_back({l, column});
      if (k + 1 < body.size() && utf8_lead(body[k + 1])) ++column;
    }
  }
  while (!decoded.empty() && decoded.size() > scalar.text.size() && decoded.back() == '\n') decoded.pop_back();
  if (decoded != scalar.text && decoded + "\n" != scalar.text) return false;
  if (decoded.size() < scalar.text.size()) {  // kept the final line break (`>`)
    decoded += '\n';
    out.origin.push_back(out.origin.back());
  }
  out.text = std::move(decoded);
  return true;
}

}  // namespace

void MappedText::append(std::string_view s, const SourceLocation& at) {
  text += s;
  origin.insert(origin.end(), s.size(), TextOrigin{at.line, at.column});
}

void MappedText::append(const MappedText& other) {
  text += other.text;
  origin.insert(origin.end(), other.origin.begin(), other.origin.end());
}

MappedText file_text(const SourceFile& file) {
  MappedText m;
  m.file = file.path;
  m.text = file.text;
  m.origin.reserve(file.text.size());
  int line = 1;
  int column = 0;
  for (char c : file.text) {
    if (utf8_lead(c)) ++column;
    m.origin.push_back({line, column});
    if (c == '\n') {
      ++line;
      column = 0;
    }
  }
  return m;
}

MappedText scalar_text(const Node& scalar, const SourceFile& source) {
  LineIndex lines(source.text);
  return scalar_text(scalar, source.path, lines);
}

MappedText scalar_text(const Node& scalar, const std::string& path, const LineIndex& lines) {
  if (!scalar.loc.known() || scalar.text.empty()) return uniform(scalar, path);
  std::string_view indicator = lines.line(scalar.loc.line);
  std::size_t at = offset_of(indicator, 1, scalar.loc.column);
  if (at < indicator.size() && indicator[at] == '!') {  // a tag such as `!Sub |`: the scalar starts after it
    while (at < indicator.size() && indicator[at] != ' ') ++at;
    while (at < indicator.size() && indicator[at] == ' ') ++at;
  }
  MappedText traced;
  traced.file = path;
  bool ok = false;
  if (at < indicator.size() && indicator[at] == '|') ok = trace_literal_block(scalar, lines, traced);
  else if (at < indicator.size() && indicator[at] == '>') ok = trace_folded_block(scalar, lines, traced);
  else if (at < indicator.size() && indicator[at] == '"') ok = trace_double_quoted(scalar, lines, at, traced);
  else if (at < indicator.size() && indicator[at] == '\'') ok = trace_single_quoted(scalar, lines, at, traced);
  else if (at < indicator.size()) ok = trace_plain(scalar, lines, at, traced);
  return ok ? traced : uniform(scalar, path);
}

void remap(Node& root, const MappedText& mapped) {
  LineIndex lines(mapped.text);
  remap_node(root, mapped, lines);
}

Diagnostic remap(Diagnostic d, const MappedText& mapped, const LineIndex& lines) {
  d.where = origin_at(mapped, lines, d.where);
  return d;
}

}  // namespace flowcost::model::templates
