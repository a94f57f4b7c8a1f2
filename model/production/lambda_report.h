#pragma once
// Lambda invocation records read from production logs (`flowcost fit`, docs/cli.md "fit"): the REPORT lines
// of a CloudWatch Logs export, or a CloudWatch Logs Insights CSV export of their fields.
//
// A text export is one line per log event. A REPORT line reads, optionally after a leading timestamp:
//   REPORT RequestId: ID Duration: 12.34 ms Billed Duration: 13 ms Memory Size: 128 MB Max Memory Used:
//   70 MB Init Duration: 150.20 ms Status: error Error Type: Runtime.ExitError
// (`Init Duration` only on cold starts; `Status` and `Error Type` only on failed invocations). The platform
// lines START, END, INIT_START, INIT_REPORT, RESTORE_START, RESTORE_REPORT, EXTENSION and TELEMETRY are
// ignored; any other line (the function's own output) is counted as skipped, except the runtime's
// `REQUESTID Task timed out after N seconds` line: it marks that request's REPORT record as a timeout (older
// runtimes write no `Status` in REPORT lines).
//
// A function whose `LogFormat` is JSON writes those platform lines as JSON log events, one object per line
// (optionally after a timestamp): a `platform.report` event is a REPORT record (record.metrics.durationMs,
// billedDurationMs, memorySizeMB, initDurationMs; record.status and record.errorType), the other
// `platform.*` events are platform lines, and any other line is the function's output.
//
// A Logs Insights CSV has a header row naming its columns: `@duration` (required), `@billedDuration`,
// `@memorySize` (bytes: 128 MB is 128000000; a whole number of MiB such as 134217728 is read as MiB),
// `@initDuration`, `@log` (`ACCOUNT:/aws/lambda/FUNCTION`, which names the function) and `@message` (the raw
// REPORT line, which tells a failed invocation's `Status` and `Error Type`). `@message` alone works too.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "model/source_file.h"

namespace flowcost::model::production {

struct LambdaInvocation {
  double duration_ms = 0;
  std::optional<double> billed_duration_ms;
  std::optional<double> memory_mb;
  std::optional<double> init_duration_ms;  // present on cold starts
  // A SnapStart cold start (a snapshot restored): Restore Duration, and the part of it that is billed
  // ("You are not charged for the time it takes to restore a snapshot": Lambda Developer Guide,
  // "Monitoring for Lambda SnapStart").
  std::optional<double> restore_duration_ms;
  std::optional<double> billed_restore_duration_ms;
  std::optional<std::string> error;         // the error name of a failed invocation
  std::string request_id;
  int line = 0;                             // where the record is
};

struct LambdaLog {
  std::string path;
  // Invocations per function name, in file order. A text export names no function: its records are
  // under `default_function`.
  std::map<std::string, std::vector<LambdaInvocation>> functions;
  std::size_t skipped_lines = 0;  // non-empty lines that are neither REPORT records nor platform lines
};

// The name under which a failed invocation without an `Error Type` is counted (a timeout or a status
// `error`): the error Step Functions' Lambda integration reports for it, as the simulator does.
inline constexpr const char* kUnnamedLambdaError = "Lambda.Unknown";

// Reads `file` (a Logs Insights CSV when its first line starts with a header naming `@duration` or
// `@message`, else a text export). Malformed REPORT lines and fields are errors at their line and
// column in `diags`; a file with no REPORT record is an error at 1:1.
LambdaLog read_lambda_log(const SourceFile& file, const std::string& default_function, Diagnostics& diags);

// Parses one REPORT line or `platform.report` event (after an optional timestamp). std::nullopt when the
// line is neither; errors in one go to `diags` at `line` (columns 1-based in `text`).
std::optional<LambdaInvocation> parse_report_line(std::string_view text, const std::string& path, int line,
                                                  Diagnostics& diags);

}  // namespace flowcost::model::production
