#pragma once
// The one CSV reader of flowcost (empirical samples, AWS Price List offer files): RFC 4180, fields
// separated by commas, optionally in double quotes, "" for a quote inside quotes, records ending in CRLF or
// LF (inside quotes a line break belongs to the field). Empty lines are skipped.
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.h"

namespace flowcost::model {

struct CsvPosition {
  int line = 0;    // 1-based
  int column = 0;  // 1-based, in bytes
};

struct CsvRecord {
  std::vector<std::string> fields;
  std::vector<CsvPosition> positions;  // where each field starts (its opening quote when quoted)
  int line = 0;                        // 1-based line where the record starts
};

// Splits `text` into records. An unterminated quoted field is an error at its opening quote
// (`path:line:column: error: unterminated quoted field`); the records before it are returned.
std::vector<CsvRecord> parse_csv(std::string_view text, const std::string& path, Diagnostics& diags);

}  // namespace flowcost::model
