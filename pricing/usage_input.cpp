#include "pricing/usage_input.h"

#include <charconv>
#include <cmath>
#include <map>

#include "model/diagnostics.h"
#include "model/document.h"
#include "model/source_file.h"
#include "pricing/meter_names.h"

namespace flowcost::pricing {

namespace {

const model::SourceLocation kCommandLine{"flowcost", 0, 0};

std::optional<double> parse_quantity(std::string text) {
  std::erase(text, '_');  // 3_000_000
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// "quantity ... must be a finite number that is not negative" problems, else empty.
std::string quantity_problem(const std::string& meter, const std::string& text, std::optional<double> value) {
  if (!value) return "quantity \"" + text + "\" of meter \"" + meter + "\" is not a number";
  if (!std::isfinite(*value)) return "quantity \"" + text + "\" of meter \"" + meter + "\" must be a finite number";
  if (*value < 0) return "quantity \"" + text + "\" of meter \"" + meter + "\" must not be negative";
  return "";
}

void read_usage_file(const std::string& path, Usage& usage, model::Diagnostics& diags) {
  auto file = model::read_source_file(path);
  auto root = model::parse_document(file, diags);
  if (!root) return;
  if (!root->is_mapping()) {
    diags.error(root->loc, "a usage file must be a mapping of meter name to monthly quantity, not " + root->type_name());
    return;
  }
  for (const auto& m : root->members) {
    if (!model::find_meter(m.key)) {
      diags.error(m.key_loc, unknown_meter_message(m.key));
      continue;
    }
    if (!m.value.is_scalar()) {
      diags.error(m.value.loc, "quantity of meter \"" + m.key + "\" must be a number, got " + m.value.type_name());
      continue;
    }
    auto value = m.value.number();
    std::string problem = quantity_problem(m.key, m.value.text, value);
    if (!problem.empty()) {
      diags.error(m.value.loc, problem);
      continue;
    }
    usage.totals[m.key] = *value;
    usage.given_at[m.key] = m.value.loc;
  }
}

void read_arguments(const std::vector<std::string>& args, Usage& usage, model::Diagnostics& diags) {
  std::map<std::string, bool> seen;
  for (const auto& arg : args) {
    auto eq = arg.find('=');
    if (eq == std::string::npos) {
      diags.error(kCommandLine, "expected METER=QUANTITY, got \"" + arg + "\"");
      continue;
    }
    std::string meter = arg.substr(0, eq), text = arg.substr(eq + 1);
    if (!model::find_meter(meter)) {
      diags.error(kCommandLine, unknown_meter_message(meter));
      continue;
    }
    if (seen[meter]) {
      diags.error(kCommandLine, "meter \"" + meter + "\" is given twice");
      continue;
    }
    seen[meter] = true;
    auto value = parse_quantity(text);
    std::string problem = quantity_problem(meter, text, value);
    if (!problem.empty()) {
      diags.error(kCommandLine, problem);
      continue;
    }
    usage.totals[meter] = *value;  // an argument overrides the usage file
    usage.given_at[meter] = kCommandLine;
  }
}

}  // namespace

Usage read_usage(const std::optional<std::string>& usage_path, const std::vector<std::string>& arguments) {
  Usage usage;
  model::Diagnostics diags;
  if (usage_path) read_usage_file(*usage_path, usage, diags);
  read_arguments(arguments, usage, diags);
  if (!diags.has_errors() && usage.totals.empty())
    diags.error(kCommandLine, "nothing to quote: give METER=QUANTITY arguments or --usage FILE");
  diags.throw_if_errors();
  return usage;
}

}  // namespace flowcost::pricing
