#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <optional>

#include "model/asl/definition_document.h"
#include "model/diagnostic_text.h"
#include "model/scenario/scenario.h"
#include "model/source_file.h"

using namespace flowcost::model;

namespace {
std::string data(const std::string& name) { return std::string(FLOWCOST_TEST_DATA) + "/scenario/" + name; }

std::vector<std::string> headlines(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& item : d.items()) out.push_back(diagnostic_headline(item));
  return out;
}
using Lines = std::vector<std::string>;
using Overrides = std::vector<std::pair<std::string, std::string>>;
}  // namespace

TEST_CASE("a valid scenario loads every common section") {
  Diagnostics d;
  Scenario s = load_scenario(data("valid.yaml"), {}, d);
  INFO((headlines(d).empty() ? std::string() : headlines(d)[0]));
  REQUIRE(d.empty());
  CHECK(s.id == "iot-telemetry");
  CHECK(s.title == "IoT telemetry, Step Functions workflow vs IoT Core rule actions");
  CHECK(s.prices == "aws-us-east-1");
  CHECK(s.prices_loc.line == 3);
  CHECK(s.free_tier);
  CHECK(s.run.seed == 7);
  CHECK(s.run.executions == 5000);
  CHECK(s.run.draws == 50);
  CHECK(s.run.rel_error == 0.01);
  CHECK(s.run.max_draws == 400);
  REQUIRE(s.inputs.size() == 5);
  CHECK(s.inputs[0].name == "devices");
  CHECK(s.inputs[0].value.kind == ValueSpec::Kind::number);
  CHECK(s.inputs[1].value.kind == ValueSpec::Kind::distribution);
  CHECK(s.inputs[1].value.distribution.kind == DistributionKind::triangular);
  CHECK(s.inputs[3].value.kind == ValueSpec::Kind::expression);
  CHECK(s.inputs[4].value.number == 2000.0);
  CHECK(s.workload.events_per_month.kind == ValueSpec::Kind::expression);
  REQUIRE(s.workload.items.size() == 3);
  CHECK(s.workload.items[0].name == "alarms_per_month");
  CHECK(s.workload.items[1].value.distribution.kind == DistributionKind::lognormal);
  CHECK(s.workload.items[1].value.distribution.dimension == Dimension::size_bytes);
  REQUIRE(s.designs.size() == 2);
  CHECK(s.designs[0].name == "step-functions");
  CHECK(s.designs[0].kind == "step_functions");
  CHECK(s.designs[0].loc.line == 18);
  const auto& sfn = std::get<StepFunctionsDesign>(s.designs[0].design);
  CHECK(sfn.workflow == SfnWorkflow::standard);
  CHECK(sfn.machine.top.start_at.value == "Start");
  CHECK(s.designs[1].kind == "iot_rules");
  CHECK(std::get<IotRulesDesign>(s.designs[1].design).rules.size() == 1);
  CHECK(s.directory == std::string(FLOWCOST_TEST_DATA) + "/scenario");
  CHECK(s.sha256.size() == 64);
  REQUIRE(s.input_file_hashes.size() == 3);  // the scenario, its definition, samples.csv (read twice)
  CHECK(s.input_file_hashes.count(data("samples.csv")) == 1);
  CHECK(s.input_file_hashes.count(data("chain.asl.json")) == 1);

  CHECK(scalar_names(s) == std::vector<std::string>{"devices", "messages_per_device_per_day", "alarm_fraction",
                                                    "daily", "latency_budget", "events_per_month",
                                                    "alarms_per_month"});
  CHECK(per_event_names(s) == std::vector<std::string>{"payload_bytes", "think_time"});
  CHECK(find_input(s, "daily") == &s.inputs[3]);
  CHECK(find_workload_item(s, "think_time") == &s.workload.items[2]);
  CHECK(find_input(s, "nope") == nullptr);
}

TEST_CASE("defaults of an almost empty scenario") {
  Diagnostics d;
  Scenario s = load_scenario(data("minimal.yaml"), {}, d);
  REQUIRE(d.empty());
  CHECK(s.title == "minimal");
  CHECK(s.prices == "aws-us-east-1");
  CHECK_FALSE(s.free_tier);
  CHECK(s.run.seed == 1);
  CHECK(s.run.executions == 100000);
  CHECK(s.run.draws == 200);
  CHECK_FALSE(s.run.rel_error);
  CHECK(s.run.max_draws == 5000);
  CHECK(s.workload.events_per_month.number == 1000.0);
}

TEST_CASE("every problem of a scenario is reported at its position") {
  Diagnostics d;
  Scenario s = load_scenario(data("errors.yaml"), {}, d);
  std::string f = data("errors.yaml");
  CHECK(headlines(d) == Lines{
      f + ":2:1: error: unknown key \"titel\"; did you mean \"title\"?",
      f + ":3:32: error: unknown run setting \"drafts\"; did you mean \"draws\"?",
      f + ":3:13: error: run.seed must be a whole number in [0, 9007199254740992], got -1",
      f + ":3:29: error: run.executions must be a whole number in [1, 1000000000], got 0",
      f + ":7:26: error: uniform: min 0.5 is greater than max 0.2",
      f + ":9:3: error: \"9lives\" is not a valid input name; use letters, digits and _ (not starting with a digit)",
      f + ":16:11: error: unknown design kind \"step_function\"; did you mean \"step_functions\"?",
      f + ":17:11: error: duplicate design name \"a\" (first at line 15)",
      f + ":19:5: error: design is missing \"name\"",
      f + ":20:11: error: a design name must not contain control characters (tab, newline, escape...)",
      f + ":5:10: error: input \"total\" uses input \"devices\" before its definition at line 6",
      f + ":8:9: error: unknown name \"devicez\"; did you mean \"devices\"?",
      f + ":13:3: error: workload item \"devices\" has the same name as the input at line 6",
      f + ":11:21: error: events_per_month refers to \"payload\", a per-event workload distribution; expressions "
          "take per-draw values only",
  });
  CHECK(s.designs.size() == 0);
}

TEST_CASE("missing sections and files") {
  Diagnostics d;
  load_scenario(data("empty_designs.yaml"), {}, d);
  std::string f = data("empty_designs.yaml");
  CHECK(headlines(d) == Lines{f + ":1:1: error: missing \"workload\" (with events_per_month)",
                              f + ":4:10: error: designs must be a non-empty list of designs, got an empty list"});
  Diagnostics missing;
  load_scenario(data("nope.yaml"), {}, missing);
  REQUIRE(missing.items().size() == 1);
  CHECK(missing.has_errors());
}

TEST_CASE("a file a scenario names but that cannot be read is reported where the scenario names it") {
  const auto dir = std::filesystem::temp_directory_path() / "flowcost_named_files";
  std::filesystem::create_directories(dir / "sub");
  const std::string path = (dir / "s.yaml").string();
  std::ofstream(path) << "scenario: s\nworkload: {events_per_month: 10}\ndesigns:\n"
                         "  - name: a\n    kind: step_functions\n    definition: none.asl.json\n"
                         "  - name: b\n    kind: step_functions\n    definition: sub\n";
  Diagnostics d;
  load_scenario(path, {}, d);
  const std::string base = (dir / "").string();
  CHECK(headlines(d) == Lines{path + ":6:17: error: cannot read \"" + base + "none.asl.json\": no such file",
                              path + ":9:17: error: cannot read \"" + base + "sub\": is a directory, not a file"});
  std::filesystem::remove_all(dir);
}

TEST_CASE("--set overrides replace inputs and report unknown names") {
  Diagnostics d;
  Scenario s = load_scenario(data("valid.yaml"),
                             Overrides{{"devices", "20000"}, {"alarm_fraction", "{uniform: [0.01, 0.03]}"},
                                       {"latency_budget", "3 s"}, {"events_per_month", "devices * 2"}},
                             d);
  REQUIRE(d.empty());
  CHECK(s.inputs[0].value.number == 20000.0);
  CHECK(s.inputs[2].value.kind == ValueSpec::Kind::distribution);
  CHECK(s.inputs[4].value.number == 3000.0);
  CHECK(s.workload.events_per_month.expression.text() == "devices * 2");

  Diagnostics bad;
  load_scenario(data("valid.yaml"),
                Overrides{{"devicez", "1"}, {"devices", "3 +"}, {"alarm_fraction", "later_name * 2"},
                          {"events_per_month", "{uniform: [1, 2]}"}},
                bad);
  CHECK(headlines(bad) == Lines{
      "--set devicez: error: unknown input \"devicez\"; did you mean \"devices\"?",
      "--set devices:1:4: error: expected a number, a name or \"(\" at the end of the expression",
      "--set events_per_month:1:1: error: events_per_month must be a number or an expression over inputs, not a "
      "distribution",
      "--set alarm_fraction:1:1: error: unknown name \"later_name\"",
  });
}

TEST_CASE("looks_like_scenario") {
  Diagnostics d;
  auto n = parse_document(make_source_file("x.yaml", "scenario: a\n"), d);
  REQUIRE(n);
  CHECK(looks_like_scenario(*n));
  auto m = parse_document(make_source_file("x.json", "{\"StartAt\": \"A\"}"), d);
  REQUIRE(m);
  CHECK_FALSE(looks_like_scenario(*m));
  CHECK(asl::looks_like_state_machine(*m));
  CHECK_FALSE(asl::looks_like_state_machine(*n));
}

TEST_CASE("a definition, a template or a price table given as a scenario is one error that says what it is") {
  auto errors_of = [](const std::string& path) {
    Diagnostics d;
    load_scenario(path, {}, d);
    return headlines(d);
  };
  const std::string asl = std::string(FLOWCOST_SOURCE_DIR) + "/scenarios/article-choice.asl.json";
  CHECK(errors_of(asl) == Lines{asl + ":1:1: error: an ASL definition, not a scenario: a scenario names it in a design's "
                                      "`definition:` (docs/scenario-format.md), and `flowcost validate` checks it on "
                                      "its own"});
  const std::string sam = std::string(FLOWCOST_TEST_DATA) + "/templates/sam_uri.yaml";
  CHECK(errors_of(sam) == Lines{sam + ":1:1: error: a CloudFormation or SAM template, not a scenario: a scenario names "
                                      "it in a design's `definition:` (docs/scenario-format.md), and `flowcost validate` "
                                      "checks it on its own"});
  const std::string table = std::string(FLOWCOST_SOURCE_DIR) + "/pricing/tables/aws-us-east-1.yaml";
  CHECK(errors_of(table) ==
        Lines{table + ":5:1: error: a price table, not a scenario: give it to a scenario's `prices:` or to --prices"});
}

TEST_CASE("design loaders check the names of their expressions") {
  Diagnostics d;
  Scenario s = load_scenario(data("valid.yaml"), {}, d);
  REQUIRE(d.empty());
  auto node = parse_document(make_source_file("design.yaml", "a: alarm_fraction * 2\nb: payload_bytes / 2\nc: devicez\n"), d);
  REQUIRE(node);
  ValueSpec a = parse_value(*node->find("a"), Dimension::probability, d);
  ValueSpec b = parse_value(*node->find("b"), Dimension::size_bytes, d);
  ValueSpec c = parse_value(*node->find("c"), Dimension::none, d);
  REQUIRE(d.empty());
  CHECK(check_value_names(a, s, false, d));
  CHECK(check_value_names(b, s, true, d));
  CHECK_FALSE(check_value_names(b, s, false, d));
  CHECK_FALSE(check_value_names(c, s, true, d));
  CHECK(headlines(d) ==
        Lines{"design.yaml:2:4: error: \"payload_bytes\" is a per-event workload distribution; it cannot be used in "
              "an expression here",
              "design.yaml:3:4: error: unknown name \"devicez\"; did you mean \"devices\"?"});
}

TEST_CASE("a scenario lists every file it and its designs read, with their SHA-256") {
  Diagnostics d;
  Scenario s = load_scenario(data("files/files.yaml"), {}, d);
  INFO((headlines(d).empty() ? std::string() : headlines(d)[0]));
  REQUIRE(d.empty());
  const auto file = [](const std::string& name) { return data("files/" + name); };
  const InputFiles& workflow = files_of(s.designs[0]);
  CHECK(workflow.size() == 5);
  for (const char* name : {"parent.asl.json", "payloads.csv", "child.asl.json", "child_durations.csv", "mock.json"})
    CHECK(workflow.count(file(name)) == 1);
  const InputFiles& rules = files_of(s.designs[1]);
  CHECK(rules.size() == 1);
  CHECK(rules.count(file("levels.csv")) == 1);
  REQUIRE(s.input_file_hashes.size() == 8);  // the scenario, devices.csv and the designs' six
  CHECK(s.input_file_hashes.at(file("files.yaml")) == s.sha256);
  CHECK(s.input_file_hashes.count(file("devices.csv")) == 1);
  for (const auto& [path, sha] : workflow) CHECK(s.input_file_hashes.at(path) == sha);
  // printf 'duration\n20ms\n30ms\n45ms\n' | sha256sum
  CHECK(workflow.at(file("child_durations.csv")) == sha256_hex("duration\n20ms\n30ms\n45ms\n"));
}

TEST_CASE("design problems are reported at load, and kept with their design") {
  Diagnostics d;
  Scenario s = load_scenario(data("design_errors.yaml"), {}, d);
  CHECK(headlines(d) == Lines{
      data("design_errors.yaml") + ":5:5: error: a step_functions design needs a definition (an ASL file, or a CloudFormation or "
                                         "SAM template)",
      data("design_errors.yaml") + ":8:5: error: iot_rules design \"rules\" needs payload (bytes per message: a "
          "workload item, a number or a distribution)",
  });
  REQUIRE(s.designs.size() == 2);
  CHECK(s.designs[0].diagnostics.size() == 1);
  CHECK(has_errors(s.designs[0]));
  CHECK(s.designs[1].diagnostics.size() == 1);
}

TEST_CASE("extends: a design is its base's fields deep-merged with its own") {
  Diagnostics d;
  Scenario s = load_scenario(data("extends.yaml"), {}, d);
  INFO((headlines(d).empty() ? std::string() : headlines(d)[0]));
  REQUIRE(d.empty());
  REQUIRE(s.designs.size() == 3);
  CHECK(s.designs[1].name == "express");
  CHECK(s.designs[1].kind == "step_functions");  // inherited
  CHECK(s.designs[1].loc.line == 13);            // the entry itself
  const auto& standard = std::get<StepFunctionsDesign>(s.designs[0].design);
  const auto& express = std::get<StepFunctionsDesign>(s.designs[1].design);
  const auto& big = std::get<StepFunctionsDesign>(s.designs[2].design);
  CHECK(standard.workflow == SfnWorkflow::standard);
  CHECK(express.workflow == SfnWorkflow::express);
  CHECK(express.name == "express");
  CHECK(big.workflow == SfnWorkflow::express);  // through the chain
  REQUIRE(express.tasks.size() == 1);
  CHECK(express.tasks[0].lambda->memory_mb == 128);
  CHECK(express.tasks[0].lambda->arch == LambdaArch::arm64);
  CHECK(express.tasks[0].loc.line == 12);  // inherited text: its position in the base
  // Maps merge at every depth: memory_mb replaced, arch and duration kept.
  REQUIRE(big.tasks.size() == 1);
  CHECK(big.tasks[0].lambda->memory_mb == 1024);
  CHECK(big.tasks[0].lambda->arch == LambdaArch::arm64);
  CHECK(big.tasks[0].duration_ms.has_value());
}

TEST_CASE("extends: unknown names and cycles are errors at the extends value; inherited errors point at the base") {
  Diagnostics d;
  Scenario s = load_scenario(data("extends_errors.yaml"), {}, d);
  const std::string f = data("extends_errors.yaml");
  CHECK(headlines(d) == Lines{
      f + ":17:14: error: unknown design \"standrad\"; did you mean \"standard\"?",
      f + ":21:14: error: extends makes a cycle: a -> b -> a",
  });
  CHECK(s.designs.size() == 2);  // standard and child; typo, a and b are not loaded
  // An error in an inherited field points at the base's text, once for each design that has it.
  Diagnostics inherited;
  Scenario t = load_scenario(data("extends_inherited_error.yaml"), {}, inherited);
  const std::string g = data("extends_inherited_error.yaml");
  CHECK(headlines(inherited) == Lines{
      g + ":12:34: error: memory_mb must be a whole number from 128 to 10240 (Lambda's range)",
      g + ":12:34: error: memory_mb must be a whole number from 128 to 10240 (Lambda's range)",
  });
  REQUIRE(t.designs.size() == 2);
  CHECK(t.designs[1].name == "child");
  CHECK(has_errors(t.designs[1]));
}

TEST_CASE("YAML merge keys merge the anchored mapping; the mapping's own keys win") {
  Diagnostics d;
  Scenario s = load_scenario(data("merge_keys.yaml"), {}, d);
  INFO((headlines(d).empty() ? std::string() : headlines(d)[0]));
  REQUIRE(d.empty());
  REQUIRE(s.designs.size() == 2);
  CHECK(s.designs[1].name == "express");
  CHECK(std::get<StepFunctionsDesign>(s.designs[1].design).workflow == SfnWorkflow::express);
  CHECK(std::get<StepFunctionsDesign>(s.designs[0].design).workflow == SfnWorkflow::standard);
  Diagnostics bad;
  load_scenario(data("merge_key_bad.yaml"), {}, bad);
  CHECK(headlines(bad) == Lines{data("merge_key_bad.yaml") +
                                ":8:9: error: a merge key (<<) takes a mapping or a list of mappings (for example "
                                "*base or [*a, *b]), got number"});
}

TEST_CASE("extends: a chain longer than 64 designs is one error, not a deep recursion") {
  const auto path = std::filesystem::temp_directory_path() / "flowcost_extends_chain.yaml";
  {
    std::ofstream out(path);
    out << "scenario: chain\ninputs: {n: 1}\nworkload: {events_per_month: 1000}\ndesigns:\n";
    for (int i = 0; i < 100; ++i) out << "  - {name: d" << i << ", extends: d" << i + 1 << "}\n";
    out << "  - {name: d100, kind: iot_rules}\n";
  }
  Diagnostics d;
  load_scenario(path.string(), {}, d);
  std::filesystem::remove(path);
  // d0 -> ... -> d64: the 65th link is refused; the designs above it resolve (each chain is at most 64 deep).
  REQUIRE(d.error_count() == 1);
  CHECK(headlines(d)[0] == path.string() + ":69:26: error: extends chain is longer than 64 designs");
  // The same chain written base first: each base is resolved before the design that extends it, so the
  // chain is counted, not the recursion. d65 is the 66th design of the chain: refused.
  {
    std::ofstream out(path);
    out << "scenario: chain\ninputs: {n: 1}\nworkload: {events_per_month: 1000}\ndesigns:\n";
    out << "  - {name: d0, kind: iot_rules}\n";
    for (int i = 1; i < 70; ++i) out << "  - {name: d" << i << ", extends: d" << i - 1 << "}\n";
  }
  Diagnostics forward;
  load_scenario(path.string(), {}, forward);
  std::filesystem::remove(path);
  REQUIRE(forward.error_count() == 1);
  CHECK(headlines(forward)[0] == path.string() + ":70:26: error: extends chain is longer than 64 designs");
}

TEST_CASE("prices_read: called once with the scenario's price table known, before the designs are read") {
  Diagnostics d;
  int calls = 0;
  Scenario seen;
  Scenario s = load_scenario(data("valid.yaml"), {}, d, [&](const Scenario& so_far) {
    ++calls;
    seen = so_far;
  });
  REQUIRE(d.empty());
  CHECK(calls == 1);
  CHECK(seen.prices == "aws-us-east-1");
  CHECK(seen.prices == s.prices);
  CHECK(seen.directory == s.directory);
  CHECK(seen.file == s.file);
  CHECK(location_text(seen.prices_loc) == location_text(s.prices_loc));
  CHECK(seen.designs.empty());  // not read yet
  CHECK_FALSE(s.designs.empty());

  // A scenario whose designs have errors still names its table first; one with an error before
  // `prices:` is read no further for it.
  Diagnostics d2;
  calls = 0;
  load_scenario(data("design_errors.yaml"), {}, d2, [&](const Scenario&) { ++calls; });
  CHECK(calls == 1);
  Diagnostics d3;
  calls = 0;
  load_scenario(data("errors.yaml"), {}, d3, [&](const Scenario&) { ++calls; });
  CHECK_FALSE(d3.empty());
  CHECK(calls == 0);
  Diagnostics d4;
  calls = 0;
  load_scenario(data("nope.yaml"), {}, d4, [&](const Scenario&) { ++calls; });
  CHECK(calls == 0);
}

TEST_CASE("peek_scenario_prices: the `prices:` line from the text, as load_scenario reads it") {
  // Every shipped scenario and a test scenario: the guess is what prices_read is called with.
  std::vector<std::string> files = {data("valid.yaml")};
  for (const char* name : {"promotion-approval", "article-choice", "media-transcode", "iot-telemetry"})
    files.push_back(std::string(FLOWCOST_SOURCE_DIR) + "/scenarios/" + name + ".yaml");
  for (const auto& path : files) {
    INFO(path);
    const auto guess = peek_scenario_prices(path, read_source_file(path).text);
    REQUIRE(guess.has_value());
    Diagnostics d;
    std::optional<Scenario> seen;
    load_scenario(path, {}, d, [&](const Scenario& so_far) { seen = so_far; });
    REQUIRE(seen.has_value());
    CHECK(same_prices(*guess, *seen));
  }

  const auto peek = [](std::string_view text) { return peek_scenario_prices("dir/s.yaml", text); };
  const auto g = peek("scenario: x\n\nprices: aws-eu-west-1   # Ireland\r\nrun: {}\n");
  REQUIRE(g.has_value());
  CHECK(g->prices == "aws-eu-west-1");
  CHECK(g->file == "dir/s.yaml");
  CHECK(g->directory == "dir");
  CHECK(location_text(g->prices_loc) == "dir/s.yaml:3:9");
  CHECK(peek("prices:  ../tables/mine.yaml")->prices == "../tables/mine.yaml");
  CHECK(location_text(peek("prices:  ../tables/mine.yaml")->prices_loc) == "dir/s.yaml:1:10");
  // Anything the name alone does not decide is no guess: load_scenario's callback reads it.
  CHECK_FALSE(peek("scenario: x\n").has_value());
  CHECK_FALSE(peek("prices: a\nprices: b\n").has_value());        // twice: an error the parser reports
  CHECK_FALSE(peek("prices: \"aws-us-east-1\"\n").has_value());   // quoted
  CHECK_FALSE(peek("prices: aws#1\n").has_value());               // `#` without a space is part of the name
  CHECK_FALSE(peek("prices: a b\n").has_value());
  CHECK_FALSE(peek("prices: *anchor\n").has_value());
  CHECK_FALSE(peek("prices:\n").has_value());
  CHECK_FALSE(peek("prices:aws-us-east-1\n").has_value());
  CHECK_FALSE(peek("  prices: aws-us-east-1\n").has_value());      // not at the top level

  // same_prices compares the position too: a guess on another line is not the scenario's.
  Scenario moved = *g;
  moved.prices_loc.line = 4;
  CHECK_FALSE(same_prices(*g, moved));
  CHECK(same_prices(*g, *g));
}

TEST_CASE("load_scenario of a file already read is load_scenario of its path") {
  // The shipped scenarios and one with errors: the same scenario, files, hashes, designs and diagnostics.
  std::vector<std::string> files = {data("valid.yaml"), data("errors.yaml")};
  for (const char* name : {"promotion-approval", "article-choice", "media-transcode", "iot-telemetry"})
    files.push_back(std::string(FLOWCOST_SOURCE_DIR) + "/scenarios/" + name + ".yaml");
  for (const auto& path : files) {
    INFO(path);
    Diagnostics by_path, by_file;
    int calls_by_path = 0, calls_by_file = 0;
    const Scenario a = load_scenario(path, {{"no_such_input", "1"}}, by_path, [&](const Scenario&) { ++calls_by_path; });
    const Scenario b =
        load_scenario(read_source_file(path), {{"no_such_input", "1"}}, by_file, [&](const Scenario&) { ++calls_by_file; });
    CHECK(b.file == a.file);
    CHECK(b.directory == a.directory);
    CHECK(b.sha256 == a.sha256);
    CHECK(b.input_file_hashes == a.input_file_hashes);
    CHECK(b.prices == a.prices);
    CHECK(b.designs.size() == a.designs.size());
    CHECK(calls_by_file == calls_by_path);
    std::vector<std::string> texts_a, texts_b;
    for (const auto& d : by_path.items()) texts_a.push_back(diagnostic_text(d));
    for (const auto& d : by_file.items()) texts_b.push_back(diagnostic_text(d));
    CHECK(texts_b == texts_a);
    CHECK_FALSE(texts_a.empty());  // the unknown --set name at least
  }
}

TEST_CASE("an expression's unknown name or syntax error is at its own line and column, in blocks too") {
  Diagnostics d;
  load_scenario(data("expression_positions.yaml"), {}, d);
  const std::string f = data("expression_positions.yaml");
  CHECK(headlines(d) == Lines{
      f + ":13:5: error: unknown function \"sqrtt\"",  // a syntax error, found while reading the file
      f + ":6:19: error: unknown name \"bogus_one\"",   // names, checked once every input is read
      f + ":7:22: error: unknown name \"bogus_two\"",
      f + ":10:7: error: unknown name \"bogus_three\"",
  });
}
