// A scenario verb reads its scenario once (cli/scenario_inputs.h): the files listed for `-o` are those the run
// reads, a session made with its loaders reads none of them again, and problems surface where and as a
// session reading the files itself reports them.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>

#include "cli/scenario_inputs.h"
#include "engine/run_pipeline.h"
#include "model/errors.h"
#include "model/scenario/scenario.h"
#include "model/source_file.h"
#include "run_cli_helpers.h"
#include "sim/work_crew.h"

namespace fs = std::filesystem;
using flowcost::cli::RunOptions;
using flowcost::cli::ScenarioInputs;
using flowcost::testing::CliResult;
using flowcost::testing::run_data;
using flowcost::testing::run_flowcost;
using flowcost::testing::scratch_folder;
namespace engine = flowcost::engine;
namespace model = flowcost::model;

namespace {

RunOptions quick(const std::optional<std::string>& prices) {
  RunOptions o;
  o.settings.draws = 3;
  o.settings.executions = 60;
  o.settings.seed = 11;
  o.settings.prices = prices;
  return o;
}

// Every diagnostic of the model::InputError that `f` throws, one headline a line.
template <class F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const model::InputError& e) {
    std::string out;
    for (const auto& d : e.diagnostics()) out += model::diagnostic_headline(d) + "\n";
    return out;
  }
  return "(no error)";
}

// Read with `crew` and without one, each of `names` gives the same files and the same errors (word for
// word) or none.
void check_same_with_crew(const RunOptions& options, flowcost::sim::WorkCrew& crew,
                          std::initializer_list<const char*> names) {
  for (const char* name : names) {
    INFO(name);
    const std::string scenario = run_data(name);
    const ScenarioInputs alone(scenario, options);
    const ScenarioInputs helped(scenario, options, &crew);
    CHECK(helped.paths() == alone.paths());
    const auto session_of = [&](const ScenarioInputs& inputs) {
      return [&] {
        engine::ScenarioSession s(scenario, options.settings, inputs.loaders());
        s.fix_inputs({});
      };
    };
    CHECK(error_of(session_of(helped)) == error_of(session_of(alone)));
  }
}

}  // namespace

TEST_CASE("scenario inputs: every file the run reads is listed; a session made from them reads none again") {
  const fs::path dir = scratch_folder("scenario_inputs_once");
  fs::copy(run_data("tiny.yaml"), dir / "tiny.yaml");
  fs::copy(run_data("tiny.asl.json"), dir / "tiny.asl.json");
  fs::copy(std::string(FLOWCOST_SOURCE_DIR) + "/pricing/tables/aws-us-east-1.yaml", dir / "table.yaml");
  const std::string scenario = (dir / "tiny.yaml").string();
  const RunOptions options = quick((dir / "table.yaml").string());
  const engine::RunSettings settings = options.settings;

  const engine::RunReport expected = engine::run_scenario(scenario, settings, {}).report;
  engine::ScenarioSession reference(scenario, settings);
  reference.fix_inputs({});
  std::vector<std::string> run_paths = reference.input_paths();
  run_paths.push_back(scenario);

  const ScenarioInputs inputs(scenario, options);
  std::vector<std::string> listed = inputs.paths();
  std::sort(listed.begin(), listed.end());
  std::sort(run_paths.begin(), run_paths.end());
  run_paths.erase(std::unique(run_paths.begin(), run_paths.end()), run_paths.end());
  listed.erase(std::unique(listed.begin(), listed.end()), listed.end());
  CHECK(listed == run_paths);  // the same files as the run's own list, the price table's included
  CHECK(std::count(listed.begin(), listed.end(), (dir / "table.yaml").string()) == 1);

  // Gone from the disk: the session still has all it needs, so it read nothing itself.
  fs::remove_all(dir);
  engine::ScenarioSession session(scenario, settings, inputs.loaders());
  session.fix_inputs({});
  const engine::RunReport report = session.run(settings, {}).report;
  REQUIRE(report.designs.size() == expected.designs.size());
  for (std::size_t d = 0; d < report.designs.size(); ++d) {
    CHECK(report.designs[d].name == expected.designs[d].name);
    CHECK(report.designs[d].monthly_cost_usd.mean == expected.designs[d].monthly_cost_usd.mean);
  }
}

TEST_CASE("scenario inputs: another --set or --prices is read from the files, as by default") {
  const std::string scenario = run_data("tiny.yaml");
  const ScenarioInputs inputs(scenario, quick("aws-us-east-1"));
  const engine::ScenarioLoaders loaders = inputs.loaders();
  model::Diagnostics diags;
  const model::Scenario changed = loaders.load_scenario(scenario, {{"devices", "5"}}, diags);
  REQUIRE(model::find_input(changed, "devices") != nullptr);
  CHECK(model::find_input(changed, "devices")->value.kind == model::ValueSpec::Kind::number);
  CHECK(model::find_input(loaders.load_scenario(scenario, {}, diags), "devices")->value.kind ==
        model::ValueSpec::Kind::distribution);
  CHECK(loaders.load_table(changed, std::string("aws-eu-west-1")).name == "aws-eu-west-1");
  CHECK(loaders.load_table(changed, std::string("aws-us-east-1")).name == "aws-us-east-1");
}

TEST_CASE("scenario inputs: the scenario's and the table's errors come from the session, word for word") {
  const RunOptions options = quick(std::nullopt);
  const engine::RunSettings settings = options.settings;
  for (const char* name : {"bad.yaml", "unknown_prices.yaml", "missing_prices.yaml"}) {
    INFO(name);
    const std::string scenario = run_data(name);
    const ScenarioInputs inputs(scenario, options);  // reports nothing itself
    CHECK(inputs.paths().front() == scenario);
    auto read_itself = [&] {
      engine::ScenarioSession s(scenario, settings);
      s.fix_inputs({});
    };
    auto read_once = [&] {
      engine::ScenarioSession s(scenario, settings, inputs.loaders());
      s.fix_inputs({});
    };
    const std::string expected = error_of(read_itself);
    CHECK(expected != "(no error)");
    CHECK(error_of(read_once) == expected);
  }
}

TEST_CASE("scenario inputs: -o is still checked before the scenario's own errors are reported") {
  const fs::path dir = scratch_folder("scenario_inputs_order");
  const std::string missing = (dir / "none" / "out.csv").string();
  for (const char* verb : {"run", "tornado", "report"}) {
    INFO(verb);
    CliResult r = run_flowcost({verb, run_data("bad.yaml"), "-o", missing});
    CHECK(r.code == 1);
    CHECK(r.err == missing + ": error: output folder does not exist\n");
  }
  CliResult over = run_flowcost({"sweep", run_data("bad.yaml"), "--vary", "devices=1..2:2", "-o", run_data("bad.yaml")});
  CHECK(over.code == 1);
  CHECK(over.err == run_data("bad.yaml") + ": error: refusing to overwrite input file " + run_data("bad.yaml") + "\n");
  fs::remove_all(dir);
}

TEST_CASE("scenario inputs: read with a crew (the table on its helper), the same files, table and errors") {
  const RunOptions options = quick(std::nullopt);
  flowcost::sim::WorkCrew crew(1);
  check_same_with_crew(options, crew, {"tiny.yaml", "bad.yaml", "unknown_prices.yaml", "missing_prices.yaml"});
  const ScenarioInputs tiny(run_data("tiny.yaml"), options, &crew);
  model::Diagnostics diags;
  const engine::ScenarioLoaders loaders = tiny.loaders();
  const model::Scenario scenario = loaders.load_scenario(run_data("tiny.yaml"), {}, diags);
  CHECK(diags.empty());
  CHECK(loaders.load_table(scenario, std::nullopt).name == "aws-us-east-1");
}

TEST_CASE("scenario inputs: a `prices:` line the scenario does not confirm reads the scenario's own table") {
  // The only `prices: NAME` line is inside the title (a quoted scalar over three lines); the scenario's
  // own `prices` key is quoted. With a crew the table named by the line is read first (the guess), then the
  // scenario's; the result is the scenario's, as without a crew.
  const fs::path dir = scratch_folder("scenario_inputs_guess");
  fs::copy(run_data("tiny.asl.json"), dir / "tiny.asl.json");
  std::string text = flowcost::model::read_source_file(run_data("tiny.yaml")).text;
  const std::string title = "title: Tiny test, workflow vs rule\nprices: aws-us-east-1\n";
  REQUIRE(text.find(title) != std::string::npos);
  text.replace(text.find(title), title.size(),
               "title: \"Tiny test,\nprices: aws-eu-west-1\n  workflow vs rule\"\n\"prices\": aws-us-east-1\n");
  std::ofstream(dir / "tiny.yaml") << text;
  const std::string scenario = (dir / "tiny.yaml").string();
  const auto guess = flowcost::model::peek_scenario_prices(scenario, text);
  REQUIRE(guess.has_value());
  CHECK(guess->prices == "aws-eu-west-1");

  const RunOptions options = quick(std::nullopt);
  flowcost::sim::WorkCrew crew(1);
  const ScenarioInputs alone(scenario, options);
  const ScenarioInputs helped(scenario, options, &crew);
  CHECK(helped.paths() == alone.paths());
  model::Diagnostics diags;
  const engine::ScenarioLoaders loaders = helped.loaders();
  const model::Scenario read = loaders.load_scenario(scenario, {}, diags);
  CHECK(diags.empty());
  CHECK(read.title == "Tiny test, prices: aws-eu-west-1 workflow vs rule");
  CHECK(loaders.load_table(read, std::nullopt).name == "aws-us-east-1");
  fs::remove_all(dir);
}

TEST_CASE("scenario inputs: take_loaders hands the scenario and the table over once, then reads the files") {
  const RunOptions options = quick(std::nullopt);
  flowcost::sim::WorkCrew crew(1);
  for (flowcost::sim::WorkCrew* with : {static_cast<flowcost::sim::WorkCrew*>(nullptr), &crew}) {
    ScenarioInputs inputs(run_data("tiny.yaml"), options, with);
    const engine::ScenarioLoaders copies = inputs.loaders();
    model::Diagnostics d0;
    const model::Scenario expected = copies.load_scenario(run_data("tiny.yaml"), {}, d0);
    const engine::ScenarioLoaders once = inputs.take_loaders();
    for (int call = 0; call < 2; ++call) {  // handed over, then read from the file: the same either way
      INFO(call);
      model::Diagnostics d;
      const model::Scenario s = once.load_scenario(run_data("tiny.yaml"), {}, d);
      CHECK(d.empty());
      CHECK(s.id == expected.id);
      CHECK(s.sha256 == expected.sha256);
      CHECK(s.designs.size() == expected.designs.size());
      CHECK(location_text(s.prices_loc) == location_text(expected.prices_loc));
      const auto table = once.load_table(s, std::nullopt);
      CHECK(table.name == "aws-us-east-1");
      CHECK(table.sha256 == copies.load_table(expected, std::nullopt).sha256);
    }
  }
}

TEST_CASE("scenario inputs: --prices with a crew reads the table before the scenario is parsed, the same table") {
  const RunOptions options = quick("aws-eu-west-1");
  flowcost::sim::WorkCrew crew(1);
  check_same_with_crew(options, crew, {"tiny.yaml", "bad.yaml", "unknown_prices.yaml"});
  const ScenarioInputs tiny(run_data("tiny.yaml"), options, &crew);
  model::Diagnostics diags;
  const engine::ScenarioLoaders loaders = tiny.loaders();
  const model::Scenario scenario = loaders.load_scenario(run_data("tiny.yaml"), {}, diags);
  CHECK(loaders.load_table(scenario, options.settings.prices).name == "aws-eu-west-1");
}

TEST_CASE("scenario inputs: with a crew, a pipe named as the table is opened only when a one-thread run would open it") {
  // The line inside the title names a pipe that nothing writes to: read on a guess, it would block the run.
  const fs::path dir = scratch_folder("scenario_inputs_guess_pipe");
  fs::copy(run_data("tiny.asl.json"), dir / "tiny.asl.json");
  const fs::path pipe = dir / "pipe.yaml";
  REQUIRE(::mkfifo(pipe.c_str(), 0600) == 0);
  std::string text = flowcost::model::read_source_file(run_data("tiny.yaml")).text;
  const std::string title = "title: Tiny test, workflow vs rule\nprices: aws-us-east-1\n";
  REQUIRE(text.find(title) != std::string::npos);
  text.replace(text.find(title), title.size(),
               "title: \"Tiny test,\nprices: " + pipe.string() + "\n  workflow vs rule\"\n\"prices\": aws-us-east-1\n");
  std::ofstream(dir / "tiny.yaml") << text;
  const std::string scenario = (dir / "tiny.yaml").string();
  REQUIRE(flowcost::model::peek_scenario_prices(scenario, text).has_value());

  flowcost::sim::WorkCrew crew(1);
  const ScenarioInputs helped(scenario, quick(std::nullopt), &crew);  // returns: the pipe was not opened
  model::Diagnostics diags;
  const engine::ScenarioLoaders loaders = helped.loaders();
  const model::Scenario read = loaders.load_scenario(scenario, {}, diags);
  CHECK(diags.empty());
  CHECK(loaders.load_table(read, std::nullopt).name == "aws-us-east-1");

  // --prices naming the pipe, with a scenario whose error comes before `prices:`: a one-thread run reports
  // the error without opening the table, and so does one with a crew.
  std::ofstream(dir / "bad.yaml") << "bogus: 1\n" << text;
  RunOptions piped = quick(pipe.string());
  const ScenarioInputs bad((dir / "bad.yaml").string(), piped, &crew);  // returns: the pipe was not opened
  CHECK(error_of([&] {
          engine::ScenarioSession s((dir / "bad.yaml").string(), piped.settings, bad.loaders());
          s.fix_inputs({});
        }).find("unknown key \"bogus\"") != std::string::npos);

  // The scenario's own `prices:` names the pipe and an error comes after it: the table is not read on the
  // helper at `prices:` (not a regular file), so the error is reported, as by a one-thread run.
  std::string own = flowcost::model::read_source_file(run_data("tiny.yaml")).text;
  own.replace(own.find("prices: aws-us-east-1"), std::string("prices: aws-us-east-1").size(), "prices: " + pipe.string());
  own.replace(own.find("run: {seed: 5, executions: 400, draws: 6}"), std::string("run: {seed: 5, executions: 400, draws: 6}").size(),
              "run: 5");
  std::ofstream(dir / "own.yaml") << own;
  const RunOptions options = quick(std::nullopt);
  const ScenarioInputs named((dir / "own.yaml").string(), options, &crew);  // returns: the pipe was not opened
  CHECK(error_of([&] {
          engine::ScenarioSession s((dir / "own.yaml").string(), options.settings, named.loaders());
          s.fix_inputs({});
        }).find("run must be a mapping") != std::string::npos);
  fs::remove_all(dir);
}
