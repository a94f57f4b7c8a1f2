#include "model/csv_reader.h"

namespace flowcost::model {

std::vector<CsvRecord> parse_csv(std::string_view text, const std::string& path, Diagnostics& diags) {
  std::vector<CsvRecord> records;
  CsvRecord current;
  std::string field;
  bool in_quotes = false, field_started = false;
  int line = 1, column = 1, quote_line = 0, quote_column = 0;
  CsvPosition start{1, 1};
  current.line = 1;
  auto end_field = [&] {
    current.fields.push_back(std::move(field));
    current.positions.push_back(start);
    field.clear();
    field_started = false;
  };
  auto end_record = [&] {
    end_field();
    if (!(current.fields.size() == 1 && current.fields[0].empty())) records.push_back(std::move(current));
    current = CsvRecord{};
    current.line = line + 1;
  };
  for (std::size_t i = 0; i < text.size(); ++i, ++column) {
    char c = text[i];
    if (in_quotes) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
        ++column;
      } else if (c == '"') {
        in_quotes = false;
      } else {
        if (c == '\n') {
          ++line;
          column = 0;
        }
        field += c;
      }
      continue;
    }
    if (c == '"' && !field_started) {
      in_quotes = field_started = true;
      quote_line = line;
      quote_column = column;
    } else if (c == ',') {
      end_field();
      start = {line, column + 1};
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      continue;  // the '\n' ends the record
    } else if (c == '\n') {
      end_record();
      ++line;
      column = 0;
      start = {line, 1};
    } else {
      field += c;
      field_started = true;
    }
  }
  if (in_quotes) {
    diags.error({path, quote_line, quote_column}, "unterminated quoted field");
    return records;
  }
  if (field_started || !current.fields.empty()) end_record();
  return records;
}

}  // namespace flowcost::model
