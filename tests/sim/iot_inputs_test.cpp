// IoT rules simulator: per-draw values are checked when a draw is prepared.
#include "iot_test_util.h"

#include "model/errors.h"

using namespace iot_test;

TEST_CASE("iot: a probability expression outside [0, 1] in a draw is an input error at its position") {
  auto s = load("draw_probability.yaml");
  auto design = make(s, "rules");
  flowcost::sim::CompiledScenarioValues values(s);
  auto inputs = values.draw_inputs(s.run.seed, 0);
  try {
    design->prepare(inputs);
    FAIL("no error");
  } catch (const flowcost::model::InputError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    std::string h = flowcost::model::diagnostic_headline(e.diagnostics()[0]);
    CHECK(h.substr(h.find("draw_probability.yaml")) ==
          "draw_probability.yaml:12:26: error: match probability of rule r is 1.25 in draw 0 (must be in [0, 1])");
  }
}
