#include "cli/vary_option.h"

#include <optional>

#include "model/diagnostics.h"
#include "model/errors.h"
#include "model/number_format.h"
#include "model/units.h"

namespace flowcost::cli {

namespace {

const model::SourceLocation kVary{"--vary", 0, 0};
constexpr std::size_t kMaxPoints = 101;

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t at = text.find(sep); at != std::string::npos; at = text.find(sep, start)) {
    parts.push_back(text.substr(start, at - start));
    start = at + 1;
  }
  parts.push_back(text.substr(start));
  return parts;
}

std::optional<double> read_end(const std::string& text, const char* which, model::Diagnostics& diags) {
  std::string why;
  auto v = model::parse_quantity(text, model::Dimension::none, &why);
  if (!v) diags.error(kVary, std::string(which) + " \"" + text + "\" is not a number" + (why.empty() ? "" : ": " + why));
  return v;
}

void read_option(const std::string& item, engine::VarySpec& spec, model::Diagnostics& diags) {
  if (item == "log") {
    spec.scale = sim::GridScale::log;
    return;
  }
  if (item == "linear") {
    spec.scale = sim::GridScale::linear;
    return;
  }
  double n = 0;
  if (!item.empty() && model::scan_number(item, n) == item.size() && n == static_cast<double>(static_cast<long>(n)) &&
      n >= 2 && n <= static_cast<double>(kMaxPoints)) {
    spec.points = static_cast<std::size_t>(n);
    return;
  }
  diags.error(kVary, "\"" + item + "\" after ':' must be log, linear or a number of points from 2 to " +
                         std::to_string(kMaxPoints));
}

}  // namespace

engine::VarySpec parse_vary(const std::string& text) {
  const std::string usage = " (expected NAME=FROM..TO[:log][:N], e.g. devices=1000..20000:log:7)";
  engine::VarySpec spec;
  model::Diagnostics diags;
  auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0) throw model::InputError(kVary, "\"" + text + "\" has no NAME=" + usage);
  spec.name = text.substr(0, eq);
  auto parts = split(text.substr(eq + 1), ':');
  auto dots = parts[0].find("..");
  if (dots == std::string::npos)
    throw model::InputError(kVary, "\"" + parts[0] + "\" is not a range FROM..TO" + usage);
  auto from = read_end(parts[0].substr(0, dots), "FROM", diags);
  auto to = read_end(parts[0].substr(dots + 2), "TO", diags);
  for (std::size_t i = 1; i < parts.size(); ++i) read_option(parts[i], spec, diags);
  if (from && to) {
    spec.from = *from;
    spec.to = *to;
    if (!(spec.from < spec.to))
      diags.error(kVary, "FROM (" + model::format_shortest(spec.from) + ") must be less than TO (" +
                             model::format_shortest(spec.to) + ")");
    else if (spec.scale == sim::GridScale::log && spec.from <= 0)
      diags.error(kVary, "a :log range needs FROM > 0, got " + model::format_shortest(spec.from));
  }
  diags.throw_if_errors();
  return spec;
}

}  // namespace flowcost::cli
