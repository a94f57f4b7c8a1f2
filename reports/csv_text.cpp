#include "reports/csv_text.h"

#include <ostream>
#include <vector>

#include "model/number_format.h"

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
  return value ? model::format_shortest(*value) : "";
}

void write_csv_record(std::ostream& out, std::initializer_list<std::string> fields) {
  write_csv_record(out, std::vector<std::string>(fields));
}

void write_csv_record(std::ostream& out, const std::vector<std::string>& fields) {
  bool first = true;
  for (const auto& f : fields) {
    if (!first) out << ',';
    first = false;
    out << f;
  }
  out << "\r\n";
}

}  // namespace flowcost::reports
