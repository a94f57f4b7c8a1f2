#include "model/scenario/empirical_csv.h"

#include <algorithm>
#include <charconv>

#include "model/errors.h"
#include "model/source_file.h"
#include "model/suggest.h"
#include "model/units.h"

namespace flowcost::model {

namespace {

constexpr std::size_t kMaxCsvErrors = 10;

struct Field {
  std::string text;
  int column = 1;  // 1-based column of the field's first character
};

std::vector<Field> split_csv_line(std::string_view line) {
  std::vector<Field> fields;
  std::size_t i = 0;
  for (;;) {
    Field f;
    f.column = static_cast<int>(i) + 1;
    if (i < line.size() && line[i] == '"') {
      ++i;
      while (i < line.size()) {
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            f.text += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        f.text += line[i++];
      }
      while (i < line.size() && line[i] != ',') ++i;
    } else {
      std::size_t comma = line.find(',', i);
      std::size_t end = comma == std::string_view::npos ? line.size() : comma;
      f.text = std::string(line.substr(i, end - i));
      i = end;
    }
    fields.push_back(std::move(f));
    if (i >= line.size()) break;
    ++i;  // the comma
  }
  return fields;
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view l = text.substr(start, end - start);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    lines.push_back(l);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

bool blank(std::string_view l) { return l.find_first_not_of(" \t") == std::string_view::npos; }

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
    file = read_source_file(out.path);
  } catch (const InputError& e) {
    diags.error(name_loc, "empirical: cannot read \"" + out.path + "\": " +
                              (e.diagnostics().empty() ? std::string(e.what()) : e.diagnostics()[0].message));
    return std::nullopt;
  }
  out.sha256 = sha256_hex(file.text);
  auto lines = lines_of(file.text);
  std::size_t first = 0;
  while (first < lines.size() && blank(lines[first])) ++first;
  if (first == lines.size()) {
    diags.error(name_loc, "empirical: \"" + out.path + "\" has no samples");
    return std::nullopt;
  }
  auto head = split_csv_line(lines[first]);
  bool has_header = std::any_of(head.begin(), head.end(),
                                [&](const Field& f) { return !parse_quantity(f.text, d).has_value(); });
  std::size_t index = 0;
  if (column) {
    std::size_t n = 0;
    auto [p, ec] = std::from_chars(column->data(), column->data() + column->size(), n);
    if (ec == std::errc() && p == column->data() + column->size() && n >= 1) {
      index = n - 1;
    } else {
      std::vector<std::string> names;
      for (const auto& f : head) names.push_back(f.text);
      auto it = std::find(names.begin(), names.end(), *column);
      if (!has_header || it == names.end()) {
        std::string message = "empirical: \"" + out.path + "\" has no header row; give the column as a number";
        if (has_header) {
          message = "unknown column \"" + *column + "\" in " + out.path;
          if (auto near = closest_name(*column, names)) message += "; did you mean \"" + *near + "\"?";
        }
        diags.error(column_loc, message);
        return std::nullopt;
      }
      index = static_cast<std::size_t>(it - names.begin());
    }
  }
  std::size_t errors = 0;
  for (std::size_t li = has_header ? first + 1 : first; li < lines.size(); ++li) {
    if (blank(lines[li])) continue;
    auto fields = split_csv_line(lines[li]);
    SourceLocation at{out.path, static_cast<int>(li) + 1, 1};
    std::string why;
    std::optional<double> v;
    if (index >= fields.size()) {
      why = "empirical: row has " + std::to_string(fields.size()) + " column" + (fields.size() == 1 ? "" : "s") +
            ", column " + std::to_string(index + 1) + " is missing";
    } else {
      at.column = fields[index].column;
      v = parse_quantity(fields[index].text, d, &why);
      if (v && (d == Dimension::duration_ms || d == Dimension::size_bytes) && *v < 0) {
        v.reset();
        why = std::string("empirical: a ") + dimension_name(d) + " must not be negative (got " +
              fields[index].text + ")";
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
