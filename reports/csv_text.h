#pragma once
// RFC 4180 CSV pieces: a field is quoted when it holds a comma, a double quote, CR or LF (or starts or
// ends with a space), with each double quote doubled; records end with CRLF. Numbers are written with
// std::to_chars (shortest round-trip text), so the decimal point is '.' whatever the locale.
#include <initializer_list>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flowcost::reports {

std::string csv_field(std::string_view text);

// Shortest round-trip text of `value` (std::to_chars: "2500.5", "2e-05"; whole numbers below 1e15 without
// exponent: "400000000"; "nan", "inf", "-inf"); empty for std::nullopt.
std::string csv_number(std::optional<double> value);

// Writes the fields (already escaped by csv_field / csv_number), comma-separated, then CRLF.
void write_csv_record(std::ostream& out, std::initializer_list<std::string> fields);
void write_csv_record(std::ostream& out, const std::vector<std::string>& fields);

}  // namespace flowcost::reports
