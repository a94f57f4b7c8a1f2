#pragma once
// Samples of an `empirical` distribution, read from one column of a CSV file. The path is relative to
// the folder of the file that names it. The first row is a header when any of its fields is not a
// quantity; the column is a header name or a 1-based number (default: the first column). The file is
// read by model/csv_reader.h (RFC 4180: quoted fields, "" inside quotes, line breaks inside quotes, CRLF);
// blank lines are skipped; every value is a quantity of the field's dimension.
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "model/distribution.h"

namespace flowcost::model {

struct EmpiricalSamples {
  std::string path;    // as opened (folder of the naming file + name)
  std::string sha256;  // of the CSV file
  std::vector<double> values;
};

// Errors (missing file, bad values at CSV line:column, unknown column, no samples) go to `diags`.
std::optional<EmpiricalSamples> read_empirical_csv(const std::string& name, const SourceLocation& name_loc,
                                                   const std::optional<std::string>& column,
                                                   const SourceLocation& column_loc, Dimension d,
                                                   Diagnostics& diags);

// `name` relative to the folder of `including_file` (unchanged when absolute or when that file has no folder).
std::string resolve_relative(const std::string& including_file, const std::string& name);

}  // namespace flowcost::model
