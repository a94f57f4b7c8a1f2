#include "model/scenario/empirical_csv.h"

#include <algorithm>
#include <charconv>

#include "model/csv_reader.h"
#include "model/errors.h"
#include "model/source_file.h"
#include "model/suggest.h"
#include "model/units.h"

namespace flowcost::model {

namespace {

constexpr std::size_t kMaxCsvErrors = 10;

bool blank(const CsvRecord& r) {
  return r.fields.size() == 1 && r.fields[0].find_first_not_of(" \t") == std::string::npos;
}

}  // namespace

std::string resolve_relative(const std::string& including_file, const std::string& name) {
  if (name.empty() || name.front() == '/') return name;
  std::size_t slash = including_file.find_last_of('/');
  if (slash == std::string::npos) return name;
  return including_file.substr(0, slash + 1) + name;
}

std::optional<EmpiricalSamples> read_empirical_csv(const std::string& name, const SourceLocation& name_loc,
                                                   const std::optional<std::string>& column,
                                                   const SourceLocation& column_loc, Dimension d,
                                                   Diagnostics& diags) {
  EmpiricalSamples out;
  out.path = resolve_relative(name_loc.file, name);
  SourceFile file;
  try {
    file = read_named_file(out.path, name_loc);
  } catch (const InputError& e) {
    for (Diagnostic d : e.diagnostics()) {
      d.message = "empirical: " + d.message;
      diags.add(std::move(d));
    }
    return std::nullopt;
  }
  out.sha256 = sha256_hex(file.text);
  const std::size_t errors_before = diags.error_count();
  std::vector<CsvRecord> records = parse_csv(file.text, out.path, diags);
  if (diags.error_count() != errors_before) return std::nullopt;  // an unterminated quote
  std::erase_if(records, blank);
  if (records.empty()) {
    diags.error(name_loc, "empirical: \"" + out.path + "\" has no samples");
    return std::nullopt;
  }
  const std::vector<std::string>& head = records.front().fields;
  bool has_header = std::any_of(head.begin(), head.end(),
                                [&](const std::string& f) { return !parse_quantity(f, d).has_value(); });
  std::size_t index = 0;
  if (column) {
    std::size_t n = 0;
    auto [p, ec] = std::from_chars(column->data(), column->data() + column->size(), n);
    if (ec == std::errc() && p == column->data() + column->size() && n >= 1) {
      index = n - 1;
    } else {
      auto it = std::find(head.begin(), head.end(), *column);
      if (!has_header || it == head.end()) {
        std::string message = "empirical: \"" + out.path + "\" has no header row; give the column as a number";
        if (has_header) {
          message = "unknown column \"" + *column + "\" in " + out.path;
          if (auto near = closest_name(*column, head)) message += "; did you mean \"" + *near + "\"?";
        }
        diags.error(column_loc, message);
        return std::nullopt;
      }
      index = static_cast<std::size_t>(it - head.begin());
    }
  }
  std::size_t errors = 0;
  for (std::size_t ri = has_header ? 1 : 0; ri < records.size(); ++ri) {
    const CsvRecord& record = records[ri];
    SourceLocation at{out.path, record.line, 1};
    std::string why;
    std::optional<double> v;
    if (index >= record.fields.size()) {
      why = "empirical: row has " + std::to_string(record.fields.size()) + " column" +
            (record.fields.size() == 1 ? "" : "s") + ", column " + std::to_string(index + 1) + " is missing";
    } else {
      at.line = record.positions[index].line;
      at.column = record.positions[index].column;
      const std::string& text = record.fields[index];
      v = parse_quantity(text, d, &why);
      if (v && (d == Dimension::duration_ms || d == Dimension::size_bytes) && *v < 0) {
        v.reset();
        why = std::string("empirical: a ") + dimension_name(d) + " must not be negative (got " + text + ")";
      }
    }
    if (v) {
      out.values.push_back(*v);
    } else if (errors++ < kMaxCsvErrors) {
      diags.error(at, why);
    }
  }
  if (errors > 0) return std::nullopt;
  if (out.values.empty()) {
    diags.error(name_loc, "empirical: \"" + out.path + "\" has no samples");
    return std::nullopt;
  }
  return out;
}

}  // namespace flowcost::model
