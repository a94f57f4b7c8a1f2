#include "model/diagnostics.h"

#include <algorithm>
#include <vector>

#include "model/diagnostic_text.h"
#include "model/errors.h"
#include "model/line_index.h"

namespace flowcost::model {

void Diagnostics::error(const SourceLocation& where, std::string message) {
  items_.push_back({Severity::error, where, std::move(message)});
}

void Diagnostics::warning(const SourceLocation& where, std::string message) {
  items_.push_back({Severity::warning, where, std::move(message)});
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const {
  return static_cast<std::size_t>(std::count_if(
      items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.where.file != b.where.file) return a.where.file < b.where.file;
    if (a.where.line != b.where.line) return a.where.line < b.where.line;
    return a.where.column < b.where.column;
  });
}

void Diagnostics::throw_if_errors() const {
  if (has_errors()) throw InputError(items_);
}

std::string diagnostic_text(const Diagnostic& d) {
  std::string out;
  if (!d.where.file.empty()) {
    out += d.where.file;
    if (d.where.line > 0) {
      out += ':' + std::to_string(d.where.line);
      if (d.where.column > 0) out += ':' + std::to_string(d.where.column);
    }
    out += ": ";
  }
  return out + d.message;
}

void remove_repeats(Diagnostics& diags) {
  Diagnostics kept;
  for (const auto& d : diags.items()) {
    bool seen = false;
    for (const auto& k : kept.items())
      seen = seen || (k.severity == d.severity && k.where.file == d.where.file && k.where.line == d.where.line &&
                      k.where.column == d.where.column && k.message == d.message);
    if (!seen) kept.add(d);
  }
  diags = std::move(kept);
}

std::string diagnostic_headline(const Diagnostic& d) {
  const std::string text = diagnostic_text(d);
  const std::size_t message_at = text.size() - d.message.size();
  return text.substr(0, message_at) + (d.severity == Severity::error ? "error: " : "warning: ") + d.message;
}

std::string render_diagnostic(const Diagnostic& d, std::string_view file_text) {
  return render_diagnostic_at_line(d, d.where.line > 0 ? LineIndex(file_text).line(d.where.line) : std::string_view());
}

std::string render_diagnostic_at_line(const Diagnostic& d, std::string_view src) {
  std::string out = diagnostic_headline(d);
  out += '\n';
  if (d.where.line <= 0 || src.empty()) return out;
  // Byte offset of each character (UTF-8) of the line, and one past the end.
  std::vector<std::size_t> starts;
  for (std::size_t byte = 0; byte < src.size();) {
    starts.push_back(byte);
    const unsigned char ch = static_cast<unsigned char>(src[byte]);
    byte += ch < 0x80 ? 1 : (ch >> 5) == 0x6 ? 2 : (ch >> 4) == 0xE ? 3 : (ch >> 3) == 0x1E ? 4 : 1;
  }
  starts.push_back(src.size());
  const std::size_t chars = starts.size() - 1;
  const std::size_t at = std::min(static_cast<std::size_t>(std::max(1, d.where.column) - 1), chars);
  // A long line (minified JSON, a one-line DefinitionString) is shown around the column: kContext
  // characters each side, "..." where it is cut.
  constexpr std::size_t kLongLine = 400, kContext = 60;
  std::size_t from = 0, to = chars;
  if (src.size() > kLongLine) {
    from = at > kContext ? at - kContext : 0;
    to = std::min(chars, at + kContext);
  }
  const std::string before = from > 0 ? "..." : "", after = to < chars ? "..." : "";
  out += before;
  out += src.substr(starts[from], starts[to] - starts[from]);
  out += after;
  out += '\n';
  // The caret: keep tabs so it lines up under the column in a terminal.
  std::string pad(before.size(), ' ');
  for (std::size_t c = from; c < at; ++c) pad += src[starts[c]] == '\t' ? '\t' : ' ';
  out += pad;
  out += "^\n";
  return out;
}

InputError::InputError(const SourceLocation& where, const std::string& message)
    : std::runtime_error(diagnostic_headline({Severity::error, where, message})),
      diagnostics_{{Severity::error, where, message}} {}

static std::string first_error_text(const std::vector<Diagnostic>& ds) {
  for (const auto& d : ds)
    if (d.severity == Severity::error) return diagnostic_headline(d);
  return ds.empty() ? std::string("input error") : diagnostic_headline(ds.front());
}

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(first_error_text(diagnostics)), diagnostics_(std::move(diagnostics)) {}

}  // namespace flowcost::model
