// flowcost prices show|check|import|merge: inspect shipped tables, lint a table file, build a table from
// an AWS Price List offer file, and overlay tables. Wiring only: loading in pricing/, formatting in reports/.
#include <memory>
#include <sstream>

#include "cli/command.h"
#include "cli/diagnostic_printer.h"
#include "cli/output.h"
#include "model/errors.h"
#include "model/source_file.h"
#include "pricing/offer.h"
#include "pricing/table_import.h"
#include "pricing/table_loader.h"
#include "pricing/table_merge.h"
#include "reports/quote_writer.h"

namespace flowcost::cli {

namespace {

void show_tables(const std::string& name, Context& ctx) {
  if (!name.empty()) {
    pricing::PriceTable table = pricing::load_price_table(name);
    print_diagnostics(ctx.err, table.warnings);
    reports::write_price_table_listing(table, ctx.out);
    return;
  }
  ctx.out << "Shipped price tables (use a name with --prices, or `flowcost prices show NAME`):\n";
  for (const auto& n : pricing::shipped_table_names()) {
    pricing::PriceTable table = pricing::load_price_table(n);
    ctx.out << "  " << n << "  region " << table.region << ", effective " << table.effective_date << ", "
            << table.lines.size() << " rate lines, " << table.assumed.size() << " borrowed, " << table.gaps.size()
            << " gaps\n";
  }
}

void check_tables(const std::vector<std::string>& paths, Context& ctx) {
  for (const auto& path : paths) {
    model::Diagnostics diags;
    std::size_t lines = 0;
    try {
      auto file = model::read_source_file(pricing::resolve_price_table_path(path));
      lines = pricing::parse_price_table(file, diags).lines.size();
    } catch (const model::InputError& e) {
      for (const auto& d : e.diagnostics()) diags.add(d);
    }
    diags.sort();
    print_diagnostics(ctx.err, diags.items());
    if (diags.has_errors()) {
      ctx.err << path << ": " << diags.error_count() << " error(s)\n";
      ctx.exit_code = 1;
    } else {
      ctx.out << path << ": ok, " << lines << " rate lines, " << diags.items().size() << " warning(s)\n";
    }
  }
}

struct ImportArgs {
  std::string offer_path, region, output_path, name;
};

void import_table(const ImportArgs& a, Context& ctx) {
  pricing::Offer offer = pricing::read_offer_file(a.offer_path);
  pricing::ImportOptions options{a.region, a.name};
  pricing::ImportResult result = pricing::import_offer(offer, options);
  for (const auto& s : result.skipped) ctx.err << "flowcost: warning: skipped " << s << "\n";
  if (!result.unmapped.empty()) {
    ctx.err << "flowcost: warning: " << result.unmapped.size() << " usage type(s) of " << a.region
            << " have no flowcost meter and were not imported:\n";
    for (const auto& u : result.unmapped) ctx.err << "  " << u << "\n";
  }
  // The table must load: check it in memory before writing anything. The table is YAML whatever the
  // output is named (a name ending in .json would be checked as strict JSON).
  model::Diagnostics diags;
  pricing::parse_price_table(model::make_source_file("<imported>", result.yaml), diags);
  if (diags.has_errors())
    throw model::InternalError("the imported table does not load: " + model::diagnostic_headline(diags.items().front()));
  write_output(a.output_path, result.yaml, ctx.out, {a.offer_path});
}

struct MergeArgs {
  std::vector<std::string> tables;
  std::string output_path, name;
  bool force = false;
};

void merge_tables(const MergeArgs& a, Context& ctx) {
  pricing::MergeResult result = pricing::merge_price_tables(a.tables, {a.name, a.force});
  model::Diagnostics diags;  // the merged table must load before anything is written
  pricing::parse_price_table(model::make_source_file("<merged>", result.yaml), diags);
  if (diags.has_errors())
    throw model::InternalError("the merged table does not load: " + model::diagnostic_headline(diags.items().front()));
  write_output(a.output_path, result.yaml, ctx.out, result.inputs);
}

}  // namespace

void add_prices_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("prices", "Inspect, lint and import price tables");
  cmd->require_subcommand(1);

  auto* show = cmd->add_subcommand("show", "Print a price table readably; without NAME, list the shipped tables");
  auto name = std::make_shared<std::string>();
  show->add_option("NAME", *name, "a shipped table name or a path");
  show->callback([name, &ctx] { show_tables(*name, ctx); });

  auto* check = cmd->add_subcommand("check", "Lint price table files: every error and warning; exit 1 on errors");
  auto files = std::make_shared<std::vector<std::string>>();
  check->add_option("FILE", *files, "table files (or shipped names)")->required();
  check->callback([files, &ctx] { check_tables(*files, ctx); });

  auto* import = cmd->add_subcommand("import", "Build a price table from an AWS Price List offer file (CSV or JSON)");
  auto args = std::make_shared<ImportArgs>();
  import->add_option("--offer", args->offer_path, "offer file (index.csv with its preamble, or index.json)")->required();
  import->add_option("--region", args->region, "region code, e.g. us-east-1")->required();
  import->add_option("--name", args->name, "table name (default imported-<offer>-<region>)");
  import->add_option("-o,--output", args->output_path, "write the table to FILE (atomically) instead of standard output");
  import->callback([args, &ctx] { import_table(*args, ctx); });

  auto* merge = cmd->add_subcommand("merge", "Overlay price tables: each overlay's meters replace the base's whole");
  auto margs = std::make_shared<MergeArgs>();
  merge->add_option("TABLES", margs->tables, "the base table, then one or more overlays (names or paths)")
      ->required();
  merge->add_option("-o,--output", margs->output_path, "write the merged table to FILE (atomically) instead of standard output");
  merge->add_option("--name", margs->name, "the merged table's name (default: the base's)");
  merge->add_flag("--force", margs->force, "merge tables of different regions (the base's region is kept)");
  merge->callback([margs, &ctx] { merge_tables(*margs, ctx); });
}

}  // namespace flowcost::cli
