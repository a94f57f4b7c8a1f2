// Every definition in tests/data/asl/valid/ loads and validates without an error, and the loaded model
// holds what the file says. Coverage of docs/sources.md#asl-validation by valid files: rules 1-6 every file;
// 7 pipeline.asl.yaml, jsonata_orders; 8 pipeline.asl.yaml (HeartbeatSeconds < TimeoutSeconds,
// TimeoutSecondsPath), inline_map_iterator (MaxConcurrencyPath); 9 every_choice_operator; 10 intrinsics;
// 11 jsonata_orders, jsonata_states_fields, jsonata_items_object (Items an object); 12 pipeline.asl.yaml (every resource form), distributed_map,
// express_request_response (--express); 13 variables_jsonpath.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "model/asl/loader.h"
#include "model/asl/validator.h"
#include "model/document.h"
#include "model/errors.h"
#include "model/template/substitutions.h"

using namespace flowcost::model;
using namespace flowcost::model::asl;

namespace {

std::string valid_path(const std::string& name) { return std::string(FLOWCOST_TEST_DATA) + "/asl/valid/" + name; }

StateMachine load_valid(const std::string& name, bool express = false) {
  Diagnostics warnings;
  StateMachine m = load_and_validate(valid_path(name), express, &warnings);
  for (const auto& w : warnings.items()) INFO(diagnostic_headline(w));
  return m;
}

const State& state(const StateMachine& m, const std::string& name) {
  const State* s = m.find_state(name);
  REQUIRE(s);
  return *s;
}

}  // namespace

TEST_CASE("every valid ASL definition loads and validates without errors or warnings") {
  for (const auto& entry : std::filesystem::directory_iterator(std::string(FLOWCOST_TEST_DATA) + "/asl/valid")) {
    std::string name = entry.path().filename().string();
    DYNAMIC_SECTION(name) {
      Diagnostics diags;
      SourceFile file = read_source_file(entry.path().string());
      auto machine = load_state_machine(file, diags);
      REQUIRE(machine);
      validate(*machine, ValidateOptions{name.find("express") != std::string::npos}, diags);
      std::string all;
      for (const auto& d : diags.items()) all += diagnostic_headline(d) + "\n";
      CHECK(all == "");
    }
  }
}

TEST_CASE("the article's choice example loads into the model") {
  StateMachine m = load_valid("article_choice.asl.json");
  CHECK(m.comment == "An example of the Amazon States Language using a choice state.");
  CHECK(m.top.start_at.value == "FirstState");
  CHECK(m.top.start_at.loc.line == 1);
  REQUIRE(m.top.states.size() == 6);
  const State& first = m.top.states[0];
  CHECK(first.name.value == "FirstState");
  CHECK(first.name.loc.line == 3);
  CHECK(first.name.loc.column == 5);
  CHECK(first.type == StateType::task);
  CHECK(first.next->value == "ChoiceState");
  const auto& task = std::get<TaskState>(first.body);
  CHECK(task.resource.kind == ResourceKind::lambda_function);
  CHECK(task.resource.function_name == "FUNCTION_NAME");
  CHECK_FALSE(task.timeout_seconds.literal);
  const auto& choice = std::get<ChoiceState>(state(m, "ChoiceState").body);
  REQUIRE(choice.choices.size() == 2);
  CHECK(choice.choices[1].op == ChoiceOp::numeric_equals);
  CHECK(choice.choices[1].variable->value == "$.foo");
  CHECK(std::get<double>(choice.choices[1].operand) == 2.0);
  CHECK(choice.choices[1].next->value == "SecondMatchState");
  CHECK(choice.default_state->value == "DefaultState");
  const auto& fail = std::get<FailState>(state(m, "DefaultState").body);
  CHECK(fail.error->value == "DefaultStateError");
  CHECK(fail.cause->value == "No Matches!");
  CHECK(state(m, "NextState").end);
  CHECK(state(m, "DefaultState").is_terminal());
  CHECK_FALSE(m.has_placeholders);
}

TEST_CASE("the definition size Express bills: a JSON file as written, a YAML file as the JSON AWS receives") {
  const SourceFile json = read_source_file(valid_path("article_choice.asl.json"));
  CHECK(load_valid("article_choice.asl.json").definition_size_bytes == json.text.size());
  const SourceFile yaml = read_source_file(valid_path("pipeline.asl.yaml"));
  const std::size_t compact = templates::compact_json(parse_document_or_throw(yaml)).size();
  CHECK(load_valid("pipeline.asl.yaml").definition_size_bytes == compact);
  CHECK(compact < yaml.text.size());  // comments and indentation are not sent
}

TEST_CASE("Task resources of every form are classified") {
  StateMachine m = load_valid("pipeline.asl.yaml");
  CHECK(m.timeout_seconds == 86400.0);
  auto resource = [&](const std::string& name) { return std::get<TaskState>(state(m, name).body).resource; };
  CHECK(resource("Extract").kind == ResourceKind::optimized_integration);
  CHECK(resource("Extract").service == "glue");
  CHECK(resource("Extract").action == "startJobRun");
  CHECK(resource("Extract").pattern == IntegrationPattern::sync);
  CHECK(resource("Child").service == "states");
  CHECK(resource("Child").pattern == IntegrationPattern::sync2);
  CHECK(resource("Approval").pattern == IntegrationPattern::wait_for_task_token);
  CHECK(resource("Approval").action == "sendMessage");
  CHECK(resource("Describe").kind == ResourceKind::aws_sdk);
  CHECK(resource("Describe").service == "s3");
  CHECK(resource("Describe").action == "listObjectsV2");
  CHECK(resource("Worker").kind == ResourceKind::activity);
  CHECK(resource("Call").kind == ResourceKind::http);
  CHECK(resource("Finish").kind == ResourceKind::lambda_function);
  CHECK(resource("Finish").function_name == "finish");

  const auto& extract = std::get<TaskState>(state(m, "Extract").body);
  CHECK(extract.timeout_seconds.literal == 3600.0);
  CHECK(extract.heartbeat_seconds.literal == 600.0);
  const State& s = state(m, "Extract");
  REQUIRE(s.retry.size() == 2);
  CHECK(s.retry[0].interval_seconds == 30.0);
  CHECK(s.retry[0].max_attempts == 5);
  CHECK(s.retry[0].backoff_rate == 2.0);
  CHECK(s.retry[0].max_delay_seconds == 300.0);
  CHECK(s.retry[0].jitter == Retrier::Jitter::none);
  CHECK(s.retry[1].max_attempts == 0);
  CHECK(s.retry[1].interval_seconds == 1.0);  // defaults
  CHECK(s.retry[1].backoff_rate == 2.0);
  REQUIRE(s.catchers.size() == 2);
  CHECK(s.catchers[0].error_equals.size() == 2);
  CHECK(s.catchers[0].next.value == "Alert");
  CHECK(s.catchers[0].result_path->text == "$.error");
  CHECK(std::get<TaskState>(state(m, "Approval").body).timeout_seconds.path == "$.approval_timeout");
  CHECK(std::get<WaitState>(state(m, "Pause").body).seconds_path->value == "$.pause_seconds");
  CHECK(std::get<WaitState>(state(m, "Until").body).timestamp->value == "2026-12-31T23:59:59Z");
  CHECK(std::get<FailState>(state(m, "Failed").body).error_path->value == "$.error.Error");
}

TEST_CASE("a Distributed Map with reader, batcher, writer and tolerated failures, with a Parallel inside") {
  StateMachine m = load_valid("distributed_map.asl.json");
  const auto& map = std::get<MapState>(state(m, "ProcessFleet").body);
  CHECK(map.processor.mode == Scope::MapMode::distributed);
  CHECK(map.processor.execution_type == Scope::ExecutionType::express);
  CHECK(map.max_concurrency.literal == 1000.0);
  CHECK(map.tolerated_failure_percentage.literal == 2.5);
  CHECK(map.tolerated_failure_count.literal == 10.0);
  CHECK(map.label->value == "fleet");
  CHECK(map.item_reader);
  CHECK(map.item_batcher->find("MaxItemsPerBatch")->number() == 50.0);
  CHECK(map.result_writer);
  REQUIRE(map.reader);
  CHECK(map.reader->resource.service == "s3");
  CHECK(map.reader->resource.action == "getObject");
  CHECK(map.reader->input_type == "CSV");
  CHECK(map.reader->max_items.literal == 100000.0);
  REQUIRE(map.batcher);
  CHECK(map.batcher->max_items_per_batch.literal == 50.0);
  CHECK(map.batcher->max_input_bytes_per_batch.literal == 65536.0);
  REQUIRE(map.writer);
  CHECK(map.writer->resource->action == "putObject");
  CHECK(map.writer->output_type == "JSONL");
  CHECK(map.writer->transformation == "COMPACT");
  const auto& enrich = std::get<ParallelState>(state(m, "Enrich").body);
  REQUIRE(enrich.branches.size() == 2);
  CHECK(enrich.branches[1].states[0].name.value == "Score");
  CHECK(std::get<TaskState>(state(m, "Score").body).resource.function_name == "score");
  CHECK(state(m, "Enrich").retry[0].max_attempts == 2);
  CHECK(state(m, "ProcessFleet").result_path->is_null());
}

TEST_CASE("JSONata states keep their expressions as text") {
  StateMachine m = load_valid("jsonata_orders.asl.json");
  CHECK(m.query_language == QueryLanguage::jsonata);
  const auto& price = std::get<TaskState>(state(m, "Price").body);
  CHECK(price.timeout_seconds.jsonata == " $states.input.timeout ");
  CHECK(price.resource.function_name == "price");
  CHECK(price.parameters->find("Payload")->text == "{% $states.input %}");
  const auto& choice = std::get<ChoiceState>(state(m, "Large?").body);
  CHECK(choice.choices[0].op == ChoiceOp::condition);
  CHECK(choice.choices[0].condition->value == " $total > 1000 ");
  CHECK(choice.choices[1].condition->value == "false");
  CHECK(choice.choices[0].assign->find("big"));
  CHECK(std::get<WaitState>(state(m, "Approve").body).jsonata->value == " $total > 5000 ? 60 : 5 ");
  CHECK(std::get<MapState>(state(m, "Ship").body).items->text == "{% $states.input.lines %}");
  CHECK(state(m, "Price").catchers[0].output->text == "{% $states.errorOutput %}");
}

TEST_CASE("definitions with ${Name} placeholders load") {
  StateMachine m = load_valid("sam_placeholders.asl.json");
  CHECK(m.has_placeholders);
  const auto& validate_task = std::get<TaskState>(state(m, "Validate").body);
  CHECK(validate_task.resource.has_placeholder);
  CHECK(validate_task.resource.kind == ResourceKind::unknown);
  const auto& store = std::get<TaskState>(state(m, "Store").body);
  CHECK(store.resource.kind == ResourceKind::optimized_integration);
  CHECK(store.resource.service == "dynamodb");
  CHECK(std::get<TaskState>(state(m, "Invoke").body).resource.function_name == "${NotifyFunctionArn}");
  const auto& direct = std::get<TaskState>(state(m, "Direct").body);
  CHECK(direct.resource.kind == ResourceKind::lambda_function);
  CHECK(direct.resource.function_name == "${Stage}-archive");
}

TEST_CASE("every Choice operator and Boolean composition is loaded") {
  StateMachine m = load_valid("every_choice_operator.asl.json");
  const auto& choice = std::get<ChoiceState>(state(m, "Route").body);
  REQUIRE(choice.choices.size() == 41);
  CHECK(choice.choices[1].op == ChoiceOp::string_equals);
  CHECK(choice.choices[1].operand_is_path);
  CHECK(std::get<std::string>(choice.choices[1].operand) == "$.t");
  CHECK(choice.choices[10].op == ChoiceOp::string_matches);
  CHECK(choice.choices[21].op == ChoiceOp::boolean_equals);
  CHECK(std::get<bool>(choice.choices[21].operand));
  CHECK(choice.choices[34].op == ChoiceOp::is_present);
  CHECK_FALSE(std::get<bool>(choice.choices[34].operand));
  const ChoiceRule& composed = choice.choices[39];
  CHECK(composed.op == ChoiceOp::and_);
  REQUIRE(composed.children.size() == 2);
  CHECK(composed.children[1].op == ChoiceOp::or_);
  CHECK(composed.children[1].children[1].op == ChoiceOp::not_);
  CHECK(composed.children[1].children[1].children[0].variable->value == "$.items[0].kind");
  CHECK_FALSE(composed.children[0].next);
}

TEST_CASE("deprecated Iterator and Parameters load as ItemProcessor and ItemSelector") {
  StateMachine m = load_valid("inline_map_iterator.asl.json");
  const auto& orders = std::get<MapState>(state(m, "Orders").body);
  CHECK(orders.processor.mode == Scope::MapMode::inline_mode);
  CHECK(orders.items_path->value == "$.orders");
  CHECK(orders.max_concurrency.literal == 0.0);
  CHECK(orders.item_selector->find("order.$"));
  const auto& lines = std::get<MapState>(state(m, "Lines").body);
  CHECK(lines.max_concurrency.path == "$.order.parallelism");
  CHECK(std::get<TaskState>(state(m, "Reserve").body).resource.function_name == "reserve");
}

TEST_CASE("load_and_validate throws every error at once and returns warnings") {
  std::string bad = std::string(FLOWCOST_TEST_DATA) + "/asl/invalid/r05_unreachable.asl.json";
  try {
    load_and_validate(bad, false);
    FAIL("no InputError");
  } catch (const InputError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics()[0].message == "state \"Orphan\" is unreachable: no transition leads to it from \"Start\"");
  }
  std::string express = std::string(FLOWCOST_TEST_DATA) + "/asl/invalid/r12_express.asl.json";
  CHECK_THROWS_AS(load_and_validate(express, true), InputError);
  CHECK_NOTHROW(load_and_validate(express, false));
  CHECK_THROWS_AS(load_and_validate(std::string(FLOWCOST_TEST_DATA) + "/asl/no-such-file.json", false), InputError);
}

TEST_CASE("forms AWS deploys load as Step Functions reads them") {
  StateMachine m = load_valid("aws_accepts.asl.json");
  // Jayway trims the whitespace around a path: the rule reads input field "$.count".
  const auto& choice = std::get<ChoiceState>(state(m, "Route").body);
  REQUIRE(choice.choices.size() == 1);
  CHECK(choice.choices[0].variable->value == "$.count");
  const auto& load = std::get<TaskState>(state(m, "Load").body);
  CHECK(load.resource.service == "dynamodb");
  CHECK(load.resource.action == "updateItem");
  REQUIRE(load.credentials);
  CHECK(load.credentials->find("RoleArn")->text == "arn:aws:iam::111122223333:role/TableWriter");
  CHECK(std::get<MapState>(state(m, "Fan").body).label->value == "Orders-batch_1.v2");
}

TEST_CASE("a definition over Step Functions' 1 MB quota: an error as compact JSON, a warning as written") {
  auto diagnostics = [](const std::string& text) {
    Diagnostics diags;
    const SourceFile file = make_source_file("big.asl.json", text);
    auto machine = asl::load_state_machine(file, diags);
    std::vector<std::string> out;
    for (const auto& d : diags.items()) out.push_back(diagnostic_headline(d));
    return out;
  };
  auto definition = [](std::size_t comment_bytes, std::size_t spaces) {
    return "{" + std::string(spaces, ' ') + "\"Comment\":\"" + std::string(comment_bytes, 'x') +
           "\",\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}";
  };
  // Compact: {"Comment":"x...","StartAt":"A","States":{"A":{"Type":"Pass","End":true}}} = comment + 70 bytes.
  CHECK(diagnostics(definition(1'048'576 - 70, 0)).empty());
  CHECK(diagnostics(definition(1'048'576 - 69, 0)) ==
        std::vector<std::string>{"big.asl.json:1:1: error: the definition is 1,048,577 bytes as compact JSON; Step "
                                 "Functions accepts a definition of at most 1,048,576 bytes (1 MB, a hard quota)"});
  CHECK(diagnostics(definition(700'000, 400'000)) ==
        std::vector<std::string>{"big.asl.json:1:1: warning: the definition file is 1,100,070 bytes and 700,070 as "
                                 "compact JSON; Step Functions accepts a definition of at most 1,048,576 bytes (1 MB, "
                                 "a hard quota): deploy it minified"});
}
