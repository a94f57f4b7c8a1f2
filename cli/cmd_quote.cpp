// flowcost quote: prices monthly meter totals given on the command line (METER=QUANTITY) or in a YAML
// usage file (--usage), like a pricing calculator. Wiring only: reading the usage in pricing/usage_input.h,
// pricing in pricing/cost.h, formatting in reports/.
#include <memory>
#include <sstream>

#include "cli/command.h"
#include "cli/diagnostic_printer.h"
#include "cli/output.h"
#include "pricing/borrowed_prices.h"
#include "pricing/cost.h"
#include "pricing/table_loader.h"
#include "pricing/usage_input.h"
#include "reports/quote_writer.h"

namespace flowcost::cli {

namespace {

struct QuoteOptions {
  std::string prices = "aws-us-east-1";
  bool free_tier = false;
  std::string format = "table";
  std::string usage_path;
  std::string output_path;
  std::vector<std::string> quantities;
};

void run_quote(const QuoteOptions& o, Context& ctx) {
  const pricing::Usage usage =
      pricing::read_usage(o.usage_path.empty() ? std::nullopt : std::optional<std::string>(o.usage_path), o.quantities);

  pricing::PriceTable table = pricing::load_price_table(o.prices);
  print_diagnostics(ctx.err, table.warnings);
  pricing::CostOptions options;
  options.free_tier = o.free_tier;
  pricing::CostResult result = pricing::cost(usage.totals, table, options, usage.given_at);

  std::ostringstream text;
  if (o.format == "json") reports::write_quote_json(result, table, options, text);
  else if (o.format == "csv") reports::write_quote_csv(result, table, text);
  else if (o.format == "md") reports::write_quote_markdown(result, table, options, text);
  else reports::write_quote_table(result, table, options, text);
  std::vector<std::string> inputs;
  for (const auto& [path, sha] : pricing::table_files(table)) inputs.push_back(path);
  if (!o.usage_path.empty()) inputs.push_back(o.usage_path);
  write_output(o.output_path, text.str(), ctx.out, inputs);
}

}  // namespace

void add_quote_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("quote", "Price monthly meter totals directly, like a pricing calculator");
  auto o = std::make_shared<QuoteOptions>();
  cmd->add_option("--prices", o->prices, "price table: a shipped name or a path (default aws-us-east-1)");
  cmd->add_flag("--free-tier", o->free_tier, "apply the account-wide free-tier allowances");
  cmd->add_option("--format", o->format, "output format")->check(CLI::IsMember({"table", "csv", "json", "md"}));
  cmd->add_option("--usage", o->usage_path, "YAML file mapping meter names to monthly quantities");
  cmd->add_option("-o,--output", o->output_path, "write to FILE (atomically) instead of standard output");
  cmd->add_option("METER=QUANTITY", o->quantities, "monthly total of a meter, e.g. lambda.requests=3000000");
  cmd->callback([o, &ctx] { run_quote(*o, ctx); });
}

}  // namespace flowcost::cli
