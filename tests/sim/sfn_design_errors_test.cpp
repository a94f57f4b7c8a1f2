// Mistakes in Step Functions designs are reported at their line and column, all at once, with whole
// messages checked.
#include "sfn_test_util.h"

#include "model/errors.h"

using namespace flowcost::sfn_test;
using Lines = std::vector<std::string>;

namespace {

Lines design_errors(const std::string& design) {
  auto l = load(data("bad/errors.yaml"), design);
  CHECK_FALSE(l->sim);
  Lines out = headlines(l->diags);
  const std::string prefix = std::string(FLOWCOST_TEST_DATA) + "/sfn/";
  for (auto& s : out)
    if (s.rfind(prefix, 0) == 0) s.erase(0, prefix.size());
  return out;
}

}  // namespace

TEST_CASE("sfn errors: unknown Task names, unknown fields, Lambda settings and probabilities") {
  CHECK(design_errors("typos") ==
        Lines{"bad/errors.yaml:13:7: error: unknown Task state \"Wrok\"; did you mean \"Work\"?",
              "bad/errors.yaml:16:9: error: unknown field \"duraton\"; did you mean \"duration\"?",
              "bad/errors.yaml:15:29: error: memory_mb must be a whole number from 128 to 10240 (Lambda's range)",
              "bad/errors.yaml:15:39: error: arch must be \"x86_64\" or \"arm64\"",
              "bad/errors.yaml:17:32: error: probability 1.5 is outside [0, 1]",
              "bad/errors.yaml:17:17: error: error probabilities of Task \"Work\" sum to 1.5; they must sum to at most 1",
              "bad/errors.yaml:12:5: error: Task \"Work\" runs a Lambda function and needs a duration: "
              "tasks: {Work: {duration: ...}}"});
}

TEST_CASE("sfn errors: fifo of sqs: and sns: is true or false") {
  CHECK(design_errors("fifo-flag") ==
        Lines{"bad/errors.yaml:76:68: error: fifo must be true or false, got string",
              "bad/errors.yaml:76:88: error: fifo must be true or false, got number"});
}

TEST_CASE("sfn errors: limits taken from the data at run time are warnings that say what is simulated") {
  auto l = load(data("designs.yaml"), "runtime-limits");
  REQUIRE(l->sim);
  CHECK(l->sim->warnings() == Lines{
      "Task \"Work\" takes TimeoutSeconds from the data at run time, which flowcost cannot know; it runs without a "
      "timeout",
      "Task \"Work\" takes HeartbeatSeconds from the data at run time, which flowcost cannot know; it runs without a "
      "heartbeat timeout",
      "Map \"D\" takes MaxConcurrency from the data at run time, which flowcost cannot know; it runs with no "
      "concurrency limit",
      "Map \"D\" takes its tolerated failure threshold from the data at run time, which flowcost cannot know; it "
      "tolerates no failure",
      "Map \"D\" takes MaxItemsPerBatch from the data at run time, which flowcost cannot know; each child execution "
      "gets one item",
      "Map \"D\": flowcost does not apply MaxInputBytesPerBatch; each child execution gets MaxItemsPerBatch items "
      "(one without it)"});
}

TEST_CASE("sfn errors: Choice weights must sum to 1 and name the Choice's targets") {
  CHECK(design_errors("weights") ==
        Lines{"bad/errors.yaml:22:7: error: weights of Choice \"Pick\" sum to 0.7; they must sum to 1"});
  CHECK(design_errors("rest-weights") ==
        Lines{"bad/errors.yaml:45:14: error: \"B\" is the Default of Choice \"Pick\"; write its weight as `default`"});
}

TEST_CASE("sfn errors: an error probability or a Choice weight naming a per-event workload item is a load error") {
  // Both are drawn from the draw's cumulative sums: a per-event value there would silently read 0.
  CHECK(design_errors("per-event-errors") ==
        Lines{"bad/errors.yaml:56:53: error: the probability of Custom.Error must be the same for every event of a "
              "draw: \"fail_p\" is a per-event workload distribution"});
  CHECK(design_errors("per-event-weights") ==
        Lines{"bad/errors.yaml:61:17: error: the weight of A must be the same for every event of a draw: "
              "\"fail_p\" is a per-event workload distribution"});
}

TEST_CASE("sfn errors: an expression whose units make it a size where a duration is expected") {
  // item_size is 2KB: `item_size * 2` is a size (an error as a duration), `2 * item_size` a size (fine).
  CHECK(design_errors("dimensions") ==
        Lines{"bad/errors.yaml:66:24: error: expected a duration, but \"item_size * 2\" is a size"});
}

TEST_CASE("sfn errors: impossible distribution parameters and error probabilities over 1") {
  CHECK(design_errors("distributions") ==
        Lines{"bad/errors.yaml:27:40: error: uniform: min 5 is greater than max 1",
              "bad/errors.yaml:27:55: error: error probabilities of Task \"Work\" sum to 1.3; they must sum to at "
              "most 1"});
}

TEST_CASE("sfn errors: a behaviour missing for a Task, a Map or a Choice that needs one") {
  CHECK(design_errors("missing") ==
        Lines{"bad/errors.yaml:30:17: error: Task \"Approve\" waits for a task token (.waitForTaskToken) and needs "
              "tasks: {Approve: {callback: {wait: ...}}}"});
  CHECK(design_errors("missing-map") ==
        Lines{"bad/errors.yaml:34:5: error: Map \"Each\" needs an item count: maps: {Each: {items: ...}}"});
  CHECK(design_errors("choice-input") ==
        Lines{"bad/../choice.asl.json:6:32: error: Choice \"Pick\" reads \"$.x\", which is not a sampled input "
              "field: add it under input: or give the Choice weights under choices: {Pick: {...}}"});
  // A timestamp rule reads input fields as the others do; a placeholder has no instant until it is substituted.
  CHECK(design_errors("choice-placeholder-time") ==
        Lines{"bad/../choice_placeholder_time.asl.json:6:19: error: Choice \"When\" compares with \"${Cutoff}\", "
              "which is not a timestamp until it is substituted; give the Choice weights under choices: {When: {...}}"});
}

TEST_CASE("sfn errors: an Express design rejects .waitForTaskToken at its line and column") {
  CHECK(design_errors("express-callback") ==
        Lines{"bad/../callback.asl.json:6:19: error: state \"Approve\": the .waitForTaskToken integration pattern is "
              "not supported in an Express state machine (Express workflows support request-response only)"});
}

TEST_CASE("sfn errors: a probability expression outside [0, 1] is reported when the draw is prepared") {
  auto l = load(data("designs.yaml"), "retry");
  REQUIRE(l->sim);
  flowcost::sim::CompiledScenarioValues values(l->scenario);
  auto inputs = values.draw_inputs(7, 0);
  inputs.values["fail_p"] = 1.25;
  try {
    l->sim->prepare(inputs);
    FAIL("no error");
  } catch (const flowcost::model::InputError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    std::string h = flowcost::model::diagnostic_headline(e.diagnostics()[0]);
    h.erase(0, std::string(FLOWCOST_TEST_DATA).size() + 5);
    CHECK(h == "designs.yaml:34:32: error: probability of Custom.Error is 1.25 in draw 0 (must be in [0, 1])");
  }
}
