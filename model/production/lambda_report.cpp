#include "model/production/lambda_report.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include <nlohmann/json.hpp>

#include "model/csv_reader.h"

namespace flowcost::model::production {

namespace {

constexpr std::string_view kReport = "REPORT RequestId:";

bool space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::optional<double> number(std::string_view s) {
  double v = 0;
  const char* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, v);
  if (ec != std::errc() || p != end || !std::isfinite(v)) return std::nullopt;
  return v;
}

struct Field {
  std::string label;
  std::string value;
  std::string unit;
  int column = 0;  // of the value
};

// Reads `Label: value [unit]` fields from `pos` on. False (and an error) on a field without a colon.
bool read_fields(std::string_view text, std::size_t pos, const std::string& path, int line,
                 std::vector<Field>& fields, Diagnostics& diags) {
  auto skip = [&] { while (pos < text.size() && space(text[pos])) ++pos; };
  auto token = [&] {
    std::size_t start = pos;
    while (pos < text.size() && !space(text[pos])) ++pos;
    return text.substr(start, pos - start);
  };
  while (true) {
    skip();
    if (pos >= text.size()) return true;
    std::size_t colon = text.find(':', pos);
    if (colon == std::string_view::npos) {
      diags.error({path, line, static_cast<int>(pos) + 1},
                  "expected \"Label: value\" in the REPORT line, found \"" + std::string(token()) + "\"");
      return false;
    }
    Field f;
    f.label = std::string(text.substr(pos, colon - pos));
    while (!f.label.empty() && space(f.label.back())) f.label.pop_back();
    pos = colon + 1;
    skip();
    f.column = static_cast<int>(pos) + 1;
    f.value = std::string(token());
    std::size_t before_unit = pos;
    skip();
    std::string_view unit = token();
    if (unit == "ms" || unit == "MB") f.unit = std::string(unit);
    else pos = before_unit;  // no unit: the token is the next label
    fields.push_back(std::move(f));
  }
}

// A log event of the JSON log format (a function's `LogFormat: JSON`): one object per line, optionally after
// a timestamp, its kind in "type" ("platform.report", "platform.start", ...; the function's own JSON output
// has none). std::nullopt for a line that is not such an object.
struct JsonEvent {
  nlohmann::json event;
  std::string type;
  int column = 0;  // of the '{'
};

std::optional<JsonEvent> json_event(std::string_view row) {
  const std::size_t brace = row.find('{');
  if (brace == std::string_view::npos || row.find("\"type\"", brace) == std::string_view::npos) return std::nullopt;
  // Only a timestamp (digits first, as a CloudWatch export writes it) may come before the object.
  if (brace > 0 && (!space(row[brace - 1]) || !std::isdigit(static_cast<unsigned char>(row[0])) ||
                    row.substr(0, brace).find_first_of("{}\"") != std::string_view::npos))
    return std::nullopt;
  nlohmann::json j = nlohmann::json::parse(row.substr(brace), nullptr, false);
  if (j.is_discarded() || !j.is_object()) return std::nullopt;
  const auto type = j.find("type");
  if (type == j.end() || !type->is_string()) return std::nullopt;
  JsonEvent out;
  out.type = type->get<std::string>();
  out.event = std::move(j);
  out.column = static_cast<int>(brace) + 1;
  return out;
}

// A `platform.report` event: record.metrics.durationMs (required), billedDurationMs, memorySizeMB and
// initDurationMs (cold starts), restoreDurationMs and billedRestoreDurationMs (SnapStart cold starts), record.status ("success", or "error", "failure", "timeout") and
// record.errorType (docs.aws.amazon.com/lambda/latest/dg/telemetry-schema-reference.html, platform.report).
std::optional<LambdaInvocation> platform_report(const JsonEvent& e, const std::string& path, int line,
                                                Diagnostics& diags) {
  const SourceLocation at{path, line, e.column};
  auto object = [](const nlohmann::json& j, const char* key) -> const nlohmann::json* {
    if (!j.is_object()) return nullptr;
    auto it = j.find(key);
    return it != j.end() && it->is_object() ? &*it : nullptr;
  };
  const nlohmann::json* record = object(e.event, "record");
  const nlohmann::json* metrics = record ? object(*record, "metrics") : nullptr;
  auto metric = [&](const char* key) -> std::optional<double> {
    if (!metrics) return std::nullopt;
    auto it = metrics->find(key);
    if (it == metrics->end() || it->is_null()) return std::nullopt;
    if (!it->is_number() || !(it->get<double>() >= 0) || !std::isfinite(it->get<double>())) {
      diags.error(at, std::string("platform.report: \"") + key + "\" is not a non-negative number");
      return std::nullopt;
    }
    return it->get<double>();
  };
  auto text = [&](const char* key) -> std::optional<std::string> {
    if (!record) return std::nullopt;
    auto it = record->find(key);
    if (it == record->end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
  };
  const std::size_t errors_before = diags.error_count();
  LambdaInvocation inv;
  inv.line = line;
  inv.request_id = text("requestId").value_or("");
  const auto duration = metric("durationMs");
  inv.billed_duration_ms = metric("billedDurationMs");
  inv.memory_mb = metric("memorySizeMB");
  inv.init_duration_ms = metric("initDurationMs");
  inv.restore_duration_ms = metric("restoreDurationMs");
  inv.billed_restore_duration_ms = metric("billedRestoreDurationMs");
  if (diags.error_count() != errors_before) return std::nullopt;
  if (!duration) {
    diags.error(at, "platform.report without \"record\": {\"metrics\": {\"durationMs\": ...}}");
    return std::nullopt;
  }
  inv.duration_ms = *duration;
  const auto status = text("status");
  if (status && *status != "success") inv.error = text("errorType").value_or(kUnnamedLambdaError);
  return inv;
}

}  // namespace

std::optional<LambdaInvocation> parse_report_line(std::string_view text, const std::string& path, int line,
                                                  Diagnostics& diags) {
  std::size_t at = text.find(kReport);
  if (at == std::string_view::npos) {
    auto e = json_event(text);
    if (!e || e->type != "platform.report") return std::nullopt;
    return platform_report(*e, path, line, diags);
  }
  // Only a timestamp (one or two tokens) may come before REPORT.
  std::string_view before = text.substr(0, at);
  if (!before.empty() && !space(before.back())) return std::nullopt;
  std::vector<Field> fields;
  std::size_t pos = at + kReport.size();
  while (pos < text.size() && space(text[pos])) ++pos;
  const std::size_t id_start = pos;
  while (pos < text.size() && !space(text[pos])) ++pos;  // the request id
  const std::size_t errors_before = diags.error_count();
  if (!read_fields(text, pos, path, line, fields, diags)) return std::nullopt;
  LambdaInvocation inv;
  inv.line = line;
  inv.request_id = std::string(text.substr(id_start, pos - id_start));
  bool has_duration = false;
  std::optional<std::string> status;
  for (const Field& f : fields) {
    auto numeric = [&](const char* unit) -> std::optional<double> {
      auto v = number(f.value);
      if (!v || *v < 0) {
        diags.error({path, line, f.column}, f.label + " \"" + f.value + "\" is not a non-negative number");
        return std::nullopt;
      }
      if (!f.unit.empty() && f.unit != unit) {
        diags.error({path, line, f.column}, f.label + " is in " + f.unit + "; expected " + unit);
        return std::nullopt;
      }
      return v;
    };
    if (f.label == "Duration") {
      has_duration = true;
      if (auto v = numeric("ms")) inv.duration_ms = *v;
    } else if (f.label == "Billed Duration") {
      inv.billed_duration_ms = numeric("ms");
    } else if (f.label == "Memory Size") {
      inv.memory_mb = numeric("MB");
    } else if (f.label == "Init Duration") {
      inv.init_duration_ms = numeric("ms");
    } else if (f.label == "Restore Duration") {
      inv.restore_duration_ms = numeric("ms");
    } else if (f.label == "Billed Restore Duration") {
      inv.billed_restore_duration_ms = numeric("ms");
    } else if (f.label == "Status") {
      status = f.value;
    } else if (f.label == "Error Type") {
      inv.error = f.value;
    }
    // Other fields (Max Memory Used, XRAY TraceId, ...) change nothing that is fitted.
  }
  if (!has_duration) {
    diags.error({path, line, static_cast<int>(at) + 1}, "REPORT line without \"Duration: ... ms\"");
  }
  if (diags.error_count() != errors_before) return std::nullopt;
  if (status && *status != "success" && !inv.error) inv.error = kUnnamedLambdaError;
  if (inv.error && status && *status == "success") inv.error.reset();
  return inv;
}

namespace {

bool is_insights_header(const CsvRecord& record) {
  return std::any_of(record.fields.begin(), record.fields.end(),
                     [](const std::string& f) { return f == "@duration" || f == "@message"; });
}

// `ACCOUNT:/aws/lambda/FUNCTION` (or any log group): the part after the last '/'.
std::string function_of_log_group(const std::string& log) {
  std::size_t slash = log.find_last_of('/');
  return slash == std::string::npos ? log : log.substr(slash + 1);
}

void read_insights_csv(const std::vector<CsvRecord>& records, const std::string& path,
                       const std::string& default_function, LambdaLog& out, Diagnostics& diags) {
  const std::vector<std::string>& head = records.front().fields;
  auto column = [&](std::string_view name) -> std::optional<std::size_t> {
    auto it = std::find(head.begin(), head.end(), name);
    if (it == head.end()) return std::nullopt;
    return static_cast<std::size_t>(it - head.begin());
  };
  const auto duration = column("@duration"), billed = column("@billedDuration"),
             memory = column("@memorySize"), init = column("@initDuration"), log = column("@log"),
             message = column("@message");
  for (std::size_t ri = 1; ri < records.size(); ++ri) {
    const CsvRecord& r = records[ri];
    if (r.fields.size() == 1 && r.fields[0].empty()) continue;
    auto field = [&](std::optional<std::size_t> c) -> std::optional<std::pair<std::string, CsvPosition>> {
      if (!c || *c >= r.fields.size() || r.fields[*c].empty()) return std::nullopt;
      return std::make_pair(r.fields[*c], r.positions[*c]);
    };
    const std::string function = field(log) ? function_of_log_group(field(log)->first) : default_function;
    std::optional<LambdaInvocation> inv;
    if (duration) {
      auto d = field(duration);
      if (!d) {
        ++out.skipped_lines;  // a row of another kind of log event
        continue;
      }
      const std::size_t errors_before = diags.error_count();
      auto numeric = [&](std::optional<std::size_t> c, const char* name) -> std::optional<double> {
        auto f = field(c);
        if (!f) return std::nullopt;
        auto v = number(f->first);
        if (!v || *v < 0) {
          diags.error({path, f->second.line, f->second.column},
                      std::string(name) + " \"" + f->first + "\" is not a non-negative number");
        }
        return v;
      };
      LambdaInvocation x;
      x.line = r.line;
      x.duration_ms = numeric(duration, "@duration").value_or(0);
      x.billed_duration_ms = numeric(billed, "@billedDuration");
      if (auto m = numeric(memory, "@memorySize")) {
        // Logs Insights gives the memory size in bytes, 128 MB as 128000000 (AWS Lambda Operator Guide's
        // queries divide by 1000 / 1000); a value that is a whole number of MiB only is read as MiB.
        const bool mib = std::fmod(*m, 1e6) != 0 && std::fmod(*m, 1048576.0) == 0;
        x.memory_mb = *m / (mib ? 1048576.0 : 1e6);
      }
      x.init_duration_ms = numeric(init, "@initDuration");
      if (diags.error_count() != errors_before) continue;
      if (auto msg = field(message)) {  // the raw line tells a failed invocation's status
        Diagnostics ignored;
        if (auto parsed = parse_report_line(msg->first, path, r.line, ignored)) x.error = parsed->error;
      }
      inv = x;
    } else {
      auto msg = field(message);
      if (msg) inv = parse_report_line(msg->first, path, msg->second.line, diags);
      if (!inv) {
        ++out.skipped_lines;
        continue;
      }
      inv->line = r.line;
    }
    out.functions[function].push_back(*inv);
  }
}

// START, END and the other platform lines of a function's log (not REPORT): part of every export, so
// they are not counted as skipped. (In the JSON log format they are `platform.*` events: read_text_export.)
bool is_platform_line(std::string_view row) {
  for (std::string_view marker : {"START RequestId:", "END RequestId:", "INIT_START ", "INIT_REPORT ", "RESTORE_START ",
                                  "RESTORE_REPORT ", "EXTENSION ", "TELEMETRY "}) {
    std::size_t at = row.find(marker);
    if (at != std::string_view::npos && (at == 0 || space(row[at - 1]))) return true;
  }
  return false;
}

// "TIMESTAMP REQUESTID Task timed out after 3.00 seconds": the request id, or empty.
std::string timed_out_request(std::string_view row) {
  constexpr std::string_view marker = " Task timed out after ";
  std::size_t at = row.find(marker);
  if (at == std::string_view::npos) return {};
  std::size_t start = at;
  while (start > 0 && !space(row[start - 1])) --start;
  return std::string(row.substr(start, at - start));
}

void read_text_export(std::string_view text, const std::string& path, const std::string& default_function,
                      LambdaLog& out, Diagnostics& diags) {
  std::vector<std::string> timed_out;
  int line = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view row = text.substr(pos, end - pos);
    ++line;
    pos = end + 1;
    if (row.find_first_not_of(" \t\r") == std::string_view::npos) {
      if (end == text.size()) break;
      continue;
    }
    const std::size_t errors_before = diags.error_count();
    if (auto e = json_event(row)) {  // the JSON log format, the row parsed once
      if (e->type == "platform.report") {
        if (auto inv = platform_report(*e, path, line, diags)) out.functions[default_function].push_back(*inv);
      } else if (e->type.rfind("platform.", 0) != 0) {
        ++out.skipped_lines;  // the function's own output, as JSON
      }
    } else if (auto inv = parse_report_line(row, path, line, diags)) out.functions[default_function].push_back(*inv);
    else if (std::string id = timed_out_request(row); !id.empty()) timed_out.push_back(id);
    else if (diags.error_count() == errors_before && !is_platform_line(row)) ++out.skipped_lines;
    if (end == text.size()) break;
  }
  std::sort(timed_out.begin(), timed_out.end());
  for (auto& [function, invocations] : out.functions) {
    for (auto& inv : invocations) {
      if (!inv.error && std::binary_search(timed_out.begin(), timed_out.end(), inv.request_id))
        inv.error = kUnnamedLambdaError;
    }
  }
}

}  // namespace

LambdaLog read_lambda_log(const SourceFile& file, const std::string& default_function, Diagnostics& diags) {
  LambdaLog out;
  out.path = file.path;
  std::string_view text = file.text;
  std::size_t first_line_end = text.find('\n');
  std::string_view first = text.substr(0, first_line_end);
  const bool csv = first.find("@duration") != std::string_view::npos ||
                   first.find("@message") != std::string_view::npos;
  const std::size_t errors_before = diags.error_count();
  if (csv) {
    std::vector<CsvRecord> records = parse_csv(text, file.path, diags);
    if (!records.empty() && is_insights_header(records.front())) {
      read_insights_csv(records, file.path, default_function, out, diags);
    }
  } else {
    read_text_export(text, file.path, default_function, out, diags);
  }
  if (out.functions.empty() && diags.error_count() == errors_before) {
    diags.error({file.path, 1, 1},
                csv ? "no Lambda REPORT record: no row of this Logs Insights CSV has a @duration"
                    : "no Lambda REPORT line (\"REPORT RequestId: ... Duration: ... ms ...\") in this file");
  }
  return out;
}

}  // namespace flowcost::model::production
