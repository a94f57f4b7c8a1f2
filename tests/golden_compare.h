#pragma once
// Golden-file helpers for the tests. CSV goldens are compared cell by cell: cells that both read as
// numbers must agree within a relative tolerance (1e-9 by default, absolute for values near 0), all other
// cells exactly. Set FLOWCOST_UPDATE_GOLDEN=1 in the environment to rewrite the golden files from the
// current output instead of comparing (then review the diff with git).
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace flowcost::testing {

inline bool update_golden_requested() {
  const char* v = std::getenv("FLOWCOST_UPDATE_GOLDEN");
  return v != nullptr && std::string(v) == "1";
}

inline std::string read_text_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

inline void write_text_file(const std::string& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f << text;
}

// Splits RFC 4180 CSV text into records of unquoted cells (CRLF or LF line ends).
inline std::vector<std::vector<std::string>> split_csv(const std::string& text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string cell;
  bool quoted = false, any = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      record.push_back(cell);
      cell.clear();
      any = true;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      record.push_back(cell);
      records.push_back(record);
      record.clear();
      cell.clear();
      any = false;
    } else {
      cell += c;
      any = true;
    }
  }
  if (any) {
    record.push_back(cell);
    records.push_back(record);
  }
  return records;
}

inline std::optional<double> as_number(const std::string& cell) {
  if (cell.empty()) return std::nullopt;
  double v = 0;
  auto r = std::from_chars(cell.data(), cell.data() + cell.size(), v);
  if (r.ec != std::errc() || r.ptr != cell.data() + cell.size()) return std::nullopt;
  return v;
}

// Empty when equal; otherwise the first difference, "record R, cell C: 'a' vs 'b'".
inline std::string csv_difference(const std::string& expected, const std::string& actual,
                                  double rel_tolerance = 1e-9) {
  auto e = split_csv(expected), a = split_csv(actual);
  if (e.size() != a.size())
    return "record count " + std::to_string(e.size()) + " vs " + std::to_string(a.size());
  for (std::size_t r = 0; r < e.size(); ++r) {
    if (e[r].size() != a[r].size())
      return "record " + std::to_string(r + 1) + ": cell count " + std::to_string(e[r].size()) + " vs " +
             std::to_string(a[r].size());
    for (std::size_t c = 0; c < e[r].size(); ++c) {
      const auto& x = e[r][c];
      const auto& y = a[r][c];
      auto nx = as_number(x), ny = as_number(y);
      bool same = x == y;
      if (!same && nx && ny) {
        double scale = std::max({std::fabs(*nx), std::fabs(*ny), 1e-12});
        same = std::fabs(*nx - *ny) <= rel_tolerance * scale;
      }
      if (!same)
        return "record " + std::to_string(r + 1) + ", cell " + std::to_string(c + 1) + ": '" + x + "' vs '" + y + "'";
    }
  }
  return "";
}

// Splits text into runs of number characters (digits, '.', '-', '+', 'e' inside a number) and other text.
inline std::vector<std::string> split_numbers(const std::string& text) {
  std::vector<std::string> parts;
  std::string current;
  bool in_number = false;
  auto digit_at = [&](std::size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool exponent = (c == 'e' || c == 'E') && (digit_at(i + 1) || ((i + 1 < text.size()) &&
                                                     (text[i + 1] == '-' || text[i + 1] == '+') && digit_at(i + 2)));
    const bool exponent_sign = (c == '-' || c == '+') && !current.empty() && (current.back() == 'e' || current.back() == 'E');
    const bool continues = in_number && (digit_at(i) || c == '.' || exponent || exponent_sign);
    const bool starts = digit_at(i) || ((c == '-' || c == '.') && digit_at(i + 1));
    if (!continues && (starts || in_number)) {
      if (!current.empty()) parts.push_back(current);
      current.clear();
      in_number = starts;
    }
    current += c;
  }
  if (!current.empty()) parts.push_back(current);
  return parts;
}

// Text goldens (HTML, SVG): empty when equal, text exactly and every number within `abs_tolerance` (numbers
// in a page are rounded for display: a last digit may differ between platforms' libm); otherwise the first
// difference with its line, "line L: '12.5' vs '12.7'".
inline std::string text_difference(const std::string& expected, const std::string& actual,
                                   double abs_tolerance = 0.1) {
  const auto e = split_numbers(expected), a = split_numbers(actual);
  int line = 1;
  for (std::size_t i = 0; i < std::min(e.size(), a.size()); ++i) {
    if (e[i] != a[i]) {
      const auto x = as_number(e[i]), y = as_number(a[i]);
      if (!(x && y && std::fabs(*x - *y) <= abs_tolerance))
        return "line " + std::to_string(line) + ": '" + e[i].substr(0, 80) + "' vs '" + a[i].substr(0, 80) + "'";
    }
    line += static_cast<int>(std::count(e[i].begin(), e[i].end(), '\n'));
  }
  if (e.size() != a.size()) return "line " + std::to_string(line) + ": the texts end differently";
  return "";
}

}  // namespace flowcost::testing

