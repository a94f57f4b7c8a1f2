// flowcost diff BASE.json HEAD.json: what changed between two `run --format json` reports. Wiring only:
// the reading and comparing are in engine/run_report_json_reader.h and engine/run_diff.h, the formatting
// in reports/diff_writers.h.
#include <memory>
#include <sstream>

#include "cli/command.h"
#include "cli/output.h"
#include "engine/run_diff.h"
#include "engine/run_report_json_reader.h"
#include "reports/diff_writers.h"

namespace flowcost::cli {

namespace {

struct DiffOptions {
  std::string base;
  std::string head;
  std::string format = "table";
  std::string output;
};

}  // namespace

void add_diff_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("diff", "Compare two `run --format json` reports: cost changes with intervals, changed inputs");
  auto o = std::make_shared<DiffOptions>();
  cmd->add_option("BASE", o->base, "the report before (JSON from `flowcost run --format json`)")->required();
  cmd->add_option("HEAD", o->head, "the report after")->required();
  cmd->add_option("--format", o->format, "output format")->check(CLI::IsMember({"table", "md", "json"}));
  cmd->add_option("-o,--output", o->output, "write to FILE atomically instead of standard output");
  cmd->callback([o, &ctx] {
    const std::vector<std::string> inputs{o->base, o->head};
    check_output(o->output, inputs);
    const engine::RunDiff diff =
        engine::diff_runs(engine::read_run_report_json(o->base), engine::read_run_report_json(o->head));
    const reports::DiffFiles files{o->base, o->head};
    std::ostringstream text;
    if (o->format == "json") reports::write_diff_json(diff, files, text);
    else if (o->format == "md") reports::write_diff_markdown(diff, files, text);
    else reports::write_diff_table(diff, files, text);
    write_output(o->output, text.str(), ctx.out, inputs);
  });
}

}  // namespace flowcost::cli
