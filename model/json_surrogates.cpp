#include "model/json_surrogates.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace flowcost::model {

namespace {

long hex4(const std::string& json, std::size_t i) { return hex_digits_at(json, i, 4); }

bool is_high(long u) { return u >= 0xD800 && u <= 0xDBFF; }
bool is_low(long u) { return u >= 0xDC00 && u <= 0xDFFF; }

}  // namespace

long hex_digits_at(std::string_view text, std::size_t at, std::size_t digits) {
  if (at + digits > text.size()) return -1;
  long v = 0;
  for (std::size_t k = at; k < at + digits; ++k) {
    const char c = text[k];
    int d = -1;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

std::size_t ColumnShifts::original_column(std::size_t line, std::size_t column) const {
  std::size_t shift = 0;
  for (const At& a : at_)
    if (a.line == line && a.column < column) shift += 2;  // "\uXXXX\uXXXX" (12) was "\UXXXXXXXX" (10)
  return column + shift;
}

std::string join_surrogate_escapes(const std::string& json, ColumnShifts& shifts) {
  if (json.find("\\u") == std::string::npos) return {};
  std::string out;
  out.reserve(json.size());
  std::size_t line = 0, column = 0;  // of the next character of `out`
  bool joined = false;
  for (std::size_t i = 0; i < json.size();) {
    const char c = json[i];
    if (c == '\\' && i + 1 < json.size()) {
      const long high = json[i + 1] == 'u' ? hex4(json, i + 2) : -1;
      const long low = i + 7 < json.size() && json[i + 6] == '\\' && json[i + 7] == 'u' ? hex4(json, i + 8) : -1;
      if (is_high(high) && is_low(low)) {
        const unsigned long code = 0x10000 + ((static_cast<unsigned long>(high) - 0xD800) << 10) +
                                   (static_cast<unsigned long>(low) - 0xDC00);
        char buf[11];
        std::snprintf(buf, sizeof buf, "\\U%08lx", code);
        shifts.add(line, column);
        out.append(buf, 10);
        column += 10;
        i += 12;
        joined = true;
        continue;
      }
      // Any other escape: both characters as they are (an escaped backslash is not the start of another).
      out.append(json, i, 2);
      column += 2;
      i += 2;
      continue;
    }
    out.push_back(c);
    if (c == '\n' || (c == '\r' && (i + 1 == json.size() || json[i + 1] != '\n'))) {
      ++line;
      column = 0;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++column;
    }
    ++i;
  }
  return joined ? out : std::string();
}

}  // namespace flowcost::model
