#include "engine/review.h"

#include "engine/reproduce_command.h"
#include "engine/tornado.h"
#include "model/errors.h"
#include "model/number_format.h"
#include "model/source_file.h"
#include "model/yaml_comments.h"

namespace flowcost::engine {

namespace {

const char* kind_name(model::ValueSpec::Kind kind) {
  switch (kind) {
    case model::ValueSpec::Kind::expression: return "expression";
    case model::ValueSpec::Kind::distribution: return "distribution";
    case model::ValueSpec::Kind::number: break;
  }
  return "number";
}

// `flowcost report SCENARIO --seed N` and every option given that changes a number, as typed (a missing
// --draws keeps its default, which differs between the run and the tornado), then `--vary` when given.
std::string review_command(const std::string& scenario_path, const RunSettings& s, std::uint64_t seed,
                           const std::optional<VarySpec>& vary, const std::string& vary_text) {
  std::string out = "flowcost report " + shell_word(scenario_path) + " --seed " + std::to_string(seed);
  if (s.draws) out += " --draws " + std::to_string(*s.draws);
  if (s.executions) out += " --executions " + std::to_string(*s.executions);
  if (s.rel_error) out += " --rel-error " + model::format_shortest(*s.rel_error);
  if (s.max_draws) out += " --max-draws " + std::to_string(*s.max_draws);
  if (s.prices) out += " --prices " + shell_word(*s.prices);
  if (s.free_tier) out += " --free-tier";
  for (const auto& [name, value] : s.set) out += " --set " + shell_word(name + "=" + value);
  if (vary) out += " --vary " + shell_word(vary_text);
  return out;
}

// The scenario file's text as it was loaded: read again, its SHA-256 checked against the loaded one.
std::string loaded_text(const model::Scenario& scenario) {
  const model::SourceFile file = model::read_source_file(scenario.file);
  if (model::sha256_hex(file.text) != scenario.sha256)
    throw model::InputError(model::SourceLocation{scenario.file, 0, 0},
                            "the file changed while flowcost was reading it; run the report again");
  return file.text;
}

// `name` as the file writes it and the comment above or beside its key (model/yaml_comments.h), or as the
// last `--set NAME=VALUE` replaced it.
InputReport input_report(const std::string& name, const std::string& section, const model::ValueSpec& value,
                         const model::SourceLocation& key, const std::string& file, const std::string& text,
                         const RunSettings& settings) {
  InputReport out{name, section, kind_name(value.kind), "", "", "", false};
  if (value.loc.file != file) {  // parsed from a `--set` item
    for (const auto& [set_name, set_value] : settings.set)
      if (set_name == name) out.written = set_value;
    out.set_on_command_line = true;
  } else {
    out.written = model::value_text(text, value.loc.line, value.loc.column, key.column);
    out.location = model::location_text(key);
  }
  if (key.file == file) out.comment = model::comment_for_line(text, key.line);
  return out;
}

}  // namespace

std::vector<InputReport> input_reports(const model::Scenario& scenario, const RunSettings& settings) {
  const std::string text = loaded_text(scenario);
  const std::string& file = scenario.file;
  std::vector<InputReport> out;
  for (const auto& in : scenario.inputs)
    out.push_back(input_report(in.name, "inputs", in.value, in.loc, file, text, settings));
  const model::ValueSpec& events = scenario.workload.events_per_month;
  out.push_back(input_report("events_per_month", "workload", events, events.loc, file, text, settings));
  for (const auto& item : scenario.workload.items)
    out.push_back(input_report(item.name, "workload", item.value, item.loc, file, text, settings));
  return out;
}

ReviewRun run_review(const std::string& scenario_path, const RunSettings& settings, const std::optional<VarySpec>& vary,
                     const std::string& vary_text, const ProgressFn& progress, const ScenarioLoaders& loaders) {
  ReviewRun out;
  ScenarioSession session(scenario_path, settings, loaders);
  if (vary) check_vary_name(session.scenario(), vary->name);
  session.fix_inputs({});
  ScenarioRun run = session.run(settings, {}, progress);
  out.report.run = std::move(run.report);
  out.input_paths = std::move(run.input_paths);
  out.warnings = std::move(run.warnings);
  out.report.inputs = input_reports(session.scenario(), settings);
  out.report.tornado = run_tornado(scenario_path, settings, loaders).report;
  if (vary) out.report.sweep = run_sweep(scenario_path, settings, *vary, loaders).report;
  out.report.command = review_command(scenario_path, settings, out.report.run.seed, vary, vary_text);
  return out;
}

}  // namespace flowcost::engine
