#include "reports/csv_text.h"

#include <array>
#include <charconv>
#include <cmath>
#include <ostream>


namespace flowcost::reports {

std::string csv_field(std::string_view text) {
  bool needs_quotes = text.find_first_of(",\"\r\n") != std::string_view::npos ||
                      (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!needs_quotes) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string csv_number(std::optional<double> value) {
  if (!value) return "";
  const double v = *value;
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  std::array<char, 64> buf{};
  std::to_chars_result r{};
  if (v == std::trunc(v) && std::fabs(v) < 1e15)  // whole numbers without exponent: 400000000
    r = std::to_chars(buf.data(), buf.data() + buf.size(), v, std::chars_format::fixed);
  else  // shortest text that reads back to the same double: 2500.5, 2e-05
    r = std::to_chars(buf.data(), buf.data() + buf.size(), v);
  return std::string(buf.data(), r.ptr);
}

void write_csv_record(std::ostream& out, std::initializer_list<std::string> fields) {
  bool first = true;
  for (const auto& f : fields) {
    if (!first) out << ',';
    first = false;
    out << f;
  }
  out << "\r\n";
}

}  // namespace flowcost::reports
