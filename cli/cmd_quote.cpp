// flowcost quote: prices monthly meter totals given on the command line (METER=QUANTITY) or in a YAML
// usage file (--usage), like a pricing calculator. Wiring only: parsing is here, pricing in pricing/,
// formatting in reports/.
#include <charconv>
#include <cmath>
#include <memory>
#include <sstream>

#include "cli/command.h"
#include "cli/diagnostic_printer.h"
#include "cli/output.h"
#include "model/document.h"
#include "model/errors.h"
#include "model/meters.h"
#include "pricing/cost.h"
#include "pricing/meter_names.h"
#include "pricing/table_loader.h"
#include "reports/quote_writer.h"

namespace flowcost::cli {

namespace {

const model::SourceLocation kCommandLine{"flowcost", 0, 0};

struct QuoteOptions {
  std::string prices = "aws-us-east-1";
  bool free_tier = false;
  std::string format = "table";
  std::string usage_path;
  std::string output_path;
  std::vector<std::string> quantities;
};

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
  if (!std::isfinite(*value) || *value < 0)
    return "quantity \"" + text + "\" of meter \"" + meter + "\" must be a finite number, not negative";
  return "";
}

void read_usage_file(const std::string& path, model::MeterTotals& totals, model::Diagnostics& diags) {
  auto file = model::read_source_file(path);
  auto root = model::parse_document(file, diags);
  if (!root) return;
  if (!root->is_mapping()) {
    diags.error(root->loc, "a usage file must be a mapping of meter name to monthly quantity, not " + root->type_name());
    return;
  }
  for (const auto& m : root->members) {
    if (!model::find_meter(m.key)) {
      diags.error(m.key_loc, pricing::unknown_meter_message(m.key));
      continue;
    }
    auto value = m.value.number();
    std::string problem = quantity_problem(m.key, m.value.text, value);
    if (!problem.empty()) {
      diags.error(m.value.loc, problem);
      continue;
    }
    totals[m.key] = *value;
  }
}

void read_arguments(const std::vector<std::string>& args, model::MeterTotals& totals, model::Diagnostics& diags) {
  std::map<std::string, bool> seen;
  for (const auto& arg : args) {
    auto eq = arg.find('=');
    if (eq == std::string::npos) {
      diags.error(kCommandLine, "expected METER=QUANTITY, got \"" + arg + "\"");
      continue;
    }
    std::string meter = arg.substr(0, eq), text = arg.substr(eq + 1);
    if (!model::find_meter(meter)) {
      diags.error(kCommandLine, pricing::unknown_meter_message(meter));
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
    totals[meter] = *value;  // an argument overrides the usage file
  }
}

void run_quote(const QuoteOptions& o, Context& ctx) {
  model::MeterTotals totals;
  model::Diagnostics diags;
  if (!o.usage_path.empty()) read_usage_file(o.usage_path, totals, diags);
  read_arguments(o.quantities, totals, diags);
  if (!diags.has_errors() && totals.empty())
    diags.error(kCommandLine, "nothing to quote: give METER=QUANTITY arguments or --usage FILE");
  diags.throw_if_errors();

  pricing::PriceTable table = pricing::load_price_table(o.prices);
  print_diagnostics(ctx.err, table.warnings);
  pricing::CostOptions options;
  options.free_tier = o.free_tier;
  pricing::CostResult result = pricing::cost(totals, table, options);

  std::ostringstream text;
  if (o.format == "json") reports::write_quote_json(result, table, options, text);
  else if (o.format == "csv") reports::write_quote_csv(result, text);
  else reports::write_quote_table(result, table, options, text);
  std::vector<std::string> inputs{table.path};
  if (!o.usage_path.empty()) inputs.push_back(o.usage_path);
  write_output(o.output_path, text.str(), ctx.out, inputs);
}

}  // namespace

void add_quote_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("quote", "Price monthly meter totals directly, like a pricing calculator");
  auto o = std::make_shared<QuoteOptions>();
  cmd->add_option("--prices", o->prices, "price table: a shipped name or a path (default aws-us-east-1)");
  cmd->add_flag("--free-tier", o->free_tier, "apply the account-wide free-tier allowances");
  cmd->add_option("--format", o->format, "output format")->check(CLI::IsMember({"table", "csv", "json"}));
  cmd->add_option("--usage", o->usage_path, "YAML file mapping meter names to monthly quantities");
  cmd->add_option("-o,--output", o->output_path, "write to FILE (atomically) instead of standard output");
  cmd->add_option("METER=QUANTITY", o->quantities, "monthly total of a meter, e.g. lambda.requests=3000000");
  cmd->callback([o, &ctx] { run_quote(*o, ctx); });
}

}  // namespace flowcost::cli
