#pragma once
// RFC 4180 CSV: fields separated by commas, optionally in double quotes, "" for a quote inside quotes,
// records ending in CRLF or LF (also inside quotes a line break belongs to the field).
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.h"

namespace flowcost::pricing {

struct CsvRecord {
  std::vector<std::string> fields;
  int line = 0;  // 1-based line where the record starts
};

// Splits `text` into records; an unterminated quoted field is an error at its opening quote.
// Empty lines are skipped.
std::vector<CsvRecord> parse_csv(std::string_view text, const std::string& path, model::Diagnostics& diags);

}  // namespace flowcost::pricing
