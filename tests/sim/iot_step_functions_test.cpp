// IoT rules simulator: a step_functions rule action runs one execution of another design per message.
// The started design here is a stand-in with known meters, so the test checks the wiring exactly.
#include "iot_test_util.h"

using namespace iot_test;
using flowcost::sim::Meter;

namespace {

class FakeDraw final : public flowcost::sim::DrawSimulator {
 public:
  void simulate(std::uint64_t sample, flowcost::sim::ExecutionRecord& out) override {
    out.meters.add(Meter::sfn_express_requests, 1);
    out.meters.add(Meter::lambda_requests, 2);
    out.transitions = 4;
    out.latency_ms = 250;
    if (sample % 4 == 0) {
      out.outcome = flowcost::sim::Outcome::failed;
      out.error_id = 1;
    }
  }
};

class FakeWorkflow final : public flowcost::sim::DesignSimulator {
 public:
  const std::string& name() const override { return name_; }
  std::unique_ptr<flowcost::sim::DrawSimulator> prepare(const flowcost::sim::DrawInputs&) const override {
    return std::make_unique<FakeDraw>();
  }
  const std::vector<std::string>& error_names() const override { return errors_; }
  const std::vector<std::string>& warnings() const override { return warnings_; }

 private:
  std::string name_ = "workflow";
  std::vector<std::string> errors_ = {"", "States.TaskFailed"};
  std::vector<std::string> warnings_;
};

}  // namespace

TEST_CASE("iot: a step_functions action runs the started design once per message and adds its meters") {
  auto s = load("sfn_action.yaml");
  int built = 0;
  bool had_trigger = true;
  flowcost::sim::iot::SubdesignFactory factory = [&](const flowcost::model::StepFunctionsDesign& e,
                                                     flowcost::model::Diagnostics&) {
    ++built;
    had_trigger = e.trigger.loc.known() || e.trigger.iot_rule || e.trigger.lambda;
    CHECK(e.name == "workflow");
    return std::unique_ptr<flowcost::sim::DesignSimulator>(new FakeWorkflow);
  };
  auto design = make(s, "hybrid", {}, factory);
  CHECK(built == 1);
  CHECK_FALSE(had_trigger);  // the rule action is the trigger, metered by this design
  REQUIRE(design->warnings().size() == 1);
  CHECK(design->warnings()[0] ==
        "design \"hybrid\" starts design \"workflow\" from a rule action; that design's own trigger is not metered "
        "again here");
  const std::uint64_t n = 1000;
  Totals t = run(s, *design, n);
  CHECK(t.sum.get(Meter::iot_messages) == 1000);
  CHECK(t.sum.get(Meter::iot_rules_triggered) == 1000);
  CHECK(t.sum.get(Meter::iot_actions_executed) == 2000);
  CHECK(t.sum.get(Meter::sfn_express_requests) == 1000);
  CHECK(t.sum.get(Meter::lambda_requests) == 2000);
  CHECK(t.sum.get(Meter::dynamodb_write_request_units) == 1000);
  CHECK(t.failed == 250);
  CHECK(t.succeeded == 750);
  CHECK(t.latency_sum_ms == 1000 * (30.0 + 250.0));

  flowcost::sim::CompiledScenarioValues values(s);
  auto draw = design->prepare(values.draw_inputs(s.run.seed, 0));
  flowcost::sim::ExecutionRecord rec;
  draw->simulate(0, rec);
  CHECK(rec.outcome == flowcost::sim::Outcome::failed);
  CHECK(rec.transitions == 4);
  CHECK(design->error_names().at(rec.error_id) == "workflow: States.TaskFailed");
}
