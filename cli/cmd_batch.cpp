#include <cstdlib>
#include <memory>
#include <optional>
#include <utility>
#include <sstream>

#include "cli/command.h"
#include "cli/diagnostic_printer.h"
#include "cli/output.h"
#include "cli/progress_bar.h"
#include "cli/run_options.h"
#include "cli/run_render.h"
#include "cli/scenario_inputs.h"
#include "cli/shard_option.h"
#include "engine/partial_batch.h"
#include "engine/run_pipeline.h"
#include "model/errors.h"
#include "sim/work_crew.h"

namespace flowcost::cli {

namespace {

struct BatchCommand {
  std::vector<std::string> scenarios;
  RunOptions options;
  std::string format = "csv";
  std::string output;
  std::string shard;
  CLI::Option* format_option = nullptr;
};

}  // namespace

// Every scenario runs even when another fails; a failure's diagnostics go to stderr and the exit code is
// then 1, but the CSV (written atomically at the end) still holds the scenarios that ran. With --shard, only
// the shard's slice of the scenarios runs, each kept whole in a partial result for `merge`.
void add_batch_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("batch", "Run many scenarios into one CSV (the columns of run --format csv)");
  auto state = std::make_shared<BatchCommand>();
  cmd->add_option("SCENARIO", state->scenarios, "scenario files")->required();
  add_run_options(*cmd, state->options);
  state->format_option =
      cmd->add_option("--format", state->format, "output format: csv (one table) or md (a summary, then each report)")
          ->check(CLI::IsMember({"csv", "md"}));
  cmd->add_option("-o,--output", state->output, "the file to write atomically (default: standard output)");
  add_shard_option(*cmd, state->shard);
  cmd->callback([&ctx, state] {
    // The threads start first, so that they are ready when the first simulation starts (sim/work_crew.h);
    // every scenario's run uses them.
    const std::unique_ptr<sim::WorkCrew> crew = engine::start_run_threads(state->options.settings);
    // Every scenario's files are known before anything runs or is written; each is read once, here.
    std::vector<std::optional<ScenarioInputs>> loaded;
    std::vector<std::string> inputs;
    for (const auto& path : state->scenarios) {
      const std::vector<std::string>& files =
          loaded.emplace_back(std::in_place, path, state->options, crew.get())->paths();
      inputs.insert(inputs.end(), files.begin(), files.end());
    }
    check_output(state->output, inputs);
    const engine::RunSettings settings = run_settings(state->options);
    std::optional<engine::PartialBatch> part;
    std::uint64_t first = 0, count = state->scenarios.size();
    if (!state->shard.empty()) {
      check_shard_format(state->format_option->count() > 0);
      const engine::ShardSpec shard = parse_shard(state->shard, [](const char* name) { return std::getenv(name); });
      part.emplace();
      part->header = engine::new_shard_header("batch", engine::batch_config_hash(state->scenarios, settings), shard);
      part->settings = settings;
      part->settings.threads.reset();
      part->scenarios = state->scenarios;
      const engine::ShardSlice slice = engine::shard_slice(count, part->header.shard);
      first = slice.first;
      count = slice.count;
    }
    std::vector<engine::RunReport> made;  // the reports of the scenarios that ran
    std::size_t failed = 0;
    for (std::uint64_t i = first; i < first + count; ++i) {
      const std::string& path = state->scenarios[i];
      try {
        ProgressBar bar(ctx.err, ctx.err_is_terminal, path);
        engine::ScenarioSession session(path, settings, loaded[i]->take_loaders(), crew.get());
        loaded[i].reset();  // what was read lives as long as the session (its loaders hold it)
        session.fix_inputs({});
        if (part) {
          part->entries.push_back({i, path, session.run_whole(path, settings, progress_for(bar, ctx.err_is_terminal))});
          bar.finish();
          print_diagnostics(ctx.err, session.warnings());
          continue;
        }
        engine::ScenarioRun run = session.run(settings, {}, progress_for(bar, ctx.err_is_terminal));
        bar.finish();
        print_diagnostics(ctx.err, run.warnings);
        made.push_back(std::move(run.report));
      } catch (const model::InputError& e) {
        print_diagnostics(ctx.err, e.diagnostics());
        ctx.err << batch_left_out_line(path, state->format);
        ++failed;
        if (part) part->entries.push_back({i, path, std::nullopt});
      }
    }
    if (part) {
      std::ostringstream out;
      engine::write_partial_batch(*part, out);
      write_output(state->output, out.str(), ctx.out, inputs);
      if (failed > 0) {
        ctx.err << "flowcost batch: " << failed << " of " << count << " scenarios of shard "
                << engine::shard_text(part->header.shard) << " failed\n";
        ctx.exit_code = 1;
      }
      return;
    }
    finish_batch(ctx, state->format, state->output, made, failed, state->scenarios.size(), inputs);
  });
}

}  // namespace flowcost::cli
