#include <memory>

#include "cli/command.h"
#include "cli/diagnostic_printer.h"
#include "cli/output.h"
#include "cli/run_render.h"
#include "engine/merge.h"
#include "model/errors.h"
#include "model/source_file.h"

namespace flowcost::cli {

namespace {

// A partial file holds every draw of its shard: far more than a scenario file may.
constexpr std::size_t kMaxPartialFileBytes = std::size_t{4} << 30;

struct MergeCommand {
  std::vector<std::string> parts;
  std::string format = "table";
  std::string output;
};

}  // namespace

void add_merge_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "merge", "Put the partial results of `run --shard` together: the report of the unsharded run");
  auto state = std::make_shared<MergeCommand>();
  cmd->add_option("PART", state->parts, "partial result files (JSON), one per shard, in any order")->required();
  cmd->add_option("--format", state->format, "output format")->check(CLI::IsMember({"table", "csv", "json", "md"}));
  cmd->add_option("-o,--output", state->output, "write to FILE atomically instead of standard output");
  cmd->callback([&ctx, state] {
    std::vector<std::string> inputs = state->parts;
    check_output(state->output, inputs);
    std::vector<std::pair<std::string, engine::PartialRun>> parts;
    for (const auto& path : state->parts) {
      const model::SourceFile file = model::read_source_file(path, kMaxPartialFileBytes);
      parts.emplace_back(path, engine::read_partial_run(file.text, path));
    }
    engine::ScenarioRun run = engine::merge_partial_runs(parts);
    print_diagnostics(ctx.err, run.warnings);
    inputs.insert(inputs.end(), run.input_paths.begin(), run.input_paths.end());
    inputs.push_back(parts.front().second.scenario_path);
    write_output(state->output, render_run_report(run.report, state->format), ctx.out, inputs);
  });
}

}  // namespace flowcost::cli
