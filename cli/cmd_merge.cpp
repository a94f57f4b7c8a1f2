#include <fstream>
#include <string_view>
#include <memory>
#include <variant>

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

// A partial result is a JSON object: a file whose first bytes say otherwise (/dev/zero, a CSV, a report) is
// refused before the up-to-4-GB read.
void refuse_unless_json_object(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char head[4096];
  in.read(head, sizeof head);
  const std::string_view text(head, static_cast<std::size_t>(in.gcount()));
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (in.gcount() > 0 && first != std::string_view::npos && text[first] != '{')
    throw model::InputError({path, 0, 0}, "not a flowcost partial result (a partial result is the JSON object that "
                                          "`run`, `batch` or `sweep --shard` writes)");
}

struct MergeCommand {
  std::vector<std::string> parts;
  std::string format;  // default: the verb's (run and sweep: table; batch: csv)
  std::string output;
};

const model::SourceLocation kFormat{"--format", 0, 0};

// The shards of a run: its report; budgets as `run` checks them (exit 3).
void finish_run(Context& ctx, const MergeCommand& cmd, engine::ScenarioRun& run, std::vector<std::string> inputs,
                const std::string& scenario_path) {
  print_diagnostics(ctx.err, run.warnings);
  append_run_paths(run.input_paths, scenario_path, inputs);
  write_output(cmd.output, render_run_report(run.report, cmd.format.empty() ? "table" : cmd.format), ctx.out, inputs);
  report_budgets(ctx, run.report, "");
}

// The shards of a batch: its CSV or Markdown; failures and budgets as `batch` reports them.
void finish_batch_merge(Context& ctx, const MergeCommand& cmd, std::vector<engine::BatchScenario>& scenarios,
                        std::vector<std::string> inputs) {
  const std::string format = cmd.format.empty() ? "csv" : cmd.format;
  std::vector<engine::RunReport> made;
  std::size_t failed = 0;
  for (auto& s : scenarios) {
    if (!s.run) {
      ctx.err << batch_left_out_line(s.path, format);
      ++failed;
      continue;
    }
    print_diagnostics(ctx.err, s.run->warnings);
    append_run_paths(s.run->input_paths, s.path, inputs);
    made.push_back(std::move(s.run->report));
  }
  finish_batch(ctx, format, cmd.output, made, failed, scenarios.size(), inputs);
}

}  // namespace

void add_merge_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "merge", "Put the partial results of `run`, `batch` or `sweep --shard` together: the unsharded output");
  auto state = std::make_shared<MergeCommand>();
  cmd->add_option("PART", state->parts, "partial result files (JSON), one per shard, in any order")->required();
  cmd->add_option("--format", state->format, "output format (default: the verb's: table, for a batch csv)")
      ->check(CLI::IsMember({"table", "csv", "json", "md"}));
  cmd->add_option("-o,--output", state->output, "write to FILE atomically instead of standard output");
  cmd->callback([&ctx, state] {
    std::vector<std::string> inputs = state->parts;
    check_output(state->output, inputs);
    std::vector<std::pair<std::string, engine::AnyPartial>> parts;
    for (const auto& path : state->parts) {
      refuse_unless_json_object(path);
      const model::SourceFile file = model::read_source_file(path, kMaxPartialFileBytes);
      parts.emplace_back(path, engine::read_any_partial(file.text, path));
    }
    if (std::holds_alternative<engine::PartialBatch>(parts.front().second) && !state->format.empty() &&
        state->format != "csv" && state->format != "md")
      throw model::InputError(kFormat, "the shards of a batch merge into its CSV or Markdown: --format csv, md or none");
    std::string scenario_path;
    if (const auto* run = std::get_if<engine::PartialRun>(&parts.front().second)) scenario_path = run->scenario_path;
    if (const auto* sweep = std::get_if<engine::PartialSweep>(&parts.front().second)) scenario_path = sweep->scenario_path;
    engine::MergedResult merged = engine::merge_partials(std::move(parts));
    if (auto* run = std::get_if<engine::ScenarioRun>(&merged)) return finish_run(ctx, *state, *run, inputs, scenario_path);
    if (auto* batch = std::get_if<std::vector<engine::BatchScenario>>(&merged))
      return finish_batch_merge(ctx, *state, *batch, inputs);
    auto& sweep = std::get<engine::WhatIfRun<engine::SweepReport>>(merged);
    print_diagnostics(ctx.err, sweep.warnings);
    append_run_paths(sweep.input_paths, scenario_path, inputs);
    write_output(state->output, render_sweep_report(sweep.report, state->format.empty() ? "table" : state->format),
                 ctx.out, inputs);
  });
}

}  // namespace flowcost::cli
