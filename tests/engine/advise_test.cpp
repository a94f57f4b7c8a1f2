// engine/advise.h: alternatives derived from the parsed designs, refused with the validator's reasons,
// and priced on the same draws as their design (paired savings).
#include <catch2/catch.hpp>

#include <variant>

#include "engine/advise.h"
#include "model/scenario/scenario.h"
#include "pricing/table_loader.h"

using namespace flowcost;

namespace {

model::Scenario shipped(const std::string& name) {
  model::Diagnostics d;
  model::Scenario s = model::load_scenario(std::string(FLOWCOST_SOURCE_DIR) + "/scenarios/" + name + ".yaml", {}, d);
  REQUIRE_FALSE(d.has_errors());
  return s;
}

std::size_t index_of(const model::Scenario& s, const std::string& name) {
  for (std::size_t i = 0; i < s.designs.size(); ++i)
    if (s.designs[i].name == name) return i;
  FAIL("no design " << name);
  return 0;
}

const engine::DerivedAlternative& find(const std::vector<engine::DerivedAlternative>& all, const std::string& name) {
  for (const auto& a : all)
    if (a.name == name) return a;
  FAIL("no alternative " << name);
  throw;
}

const engine::AlternativeAdvice& find(const engine::DesignAdvice& d, const std::string& name) {
  for (const auto& a : d.alternatives)
    if (a.name == name) return a;
  FAIL("no alternative " << name);
  throw;
}

engine::RunSettings small(std::uint64_t draws, std::uint64_t executions) {
  engine::RunSettings s;
  s.draws = draws;
  s.executions = executions;
  s.threads = 2;
  return s;
}

}  // namespace

TEST_CASE("promotion-approval: Express is refused because of the .waitForTaskToken callback") {
  const model::Scenario s = shipped("promotion-approval");
  const auto alternatives =
      engine::derive_alternatives(s, engine::parsed_design(s, index_of(s, "promotion-approval")));
  const auto& express = find(alternatives, "express");
  CHECK_FALSE(express.allowed);
  CHECK_FALSE(express.design);
  CHECK(express.reason ==
        "not allowed: state \"RequestManagerApproval\": the .waitForTaskToken integration pattern is not supported "
        "in an Express state machine (Express workflows support request-response only)");
  const auto& map = find(alternatives, "map-children");
  CHECK_FALSE(map.allowed);
  CHECK(map.reason == "not derivable: the definition has no Distributed Map");
  const auto& arch = find(alternatives, "lambda-x86_64");  // every function is arm64 already
  CHECK(arch.allowed);
  REQUIRE(arch.design);
  for (const auto& t : arch.design->tasks)
    if (t.lambda) CHECK(t.lambda->arch == model::LambdaArch::x86_64);
  const auto& memory = find(alternatives, "lambda-memory");
  CHECK_FALSE(memory.allowed);
  CHECK(memory.reason == "not derivable: the scenario gives no duration scaling with memory and no fitted profile for "
                         "CheckEligibility, CheckPerformanceReviews, so a function's duration at another memory size "
                         "is unknown");
  const auto& iot = find(alternatives, "iot-rules");
  CHECK_FALSE(iot.allowed);
  CHECK(iot.reason == "not priced: the scenario has no iot_rules design; rule SQL cannot express this flow: state "
                      "\"CheckCompensationBand\" calls arn:aws:states:::dynamodb:getItem, which no rule action does");
}

TEST_CASE("the Express alternative of the Standard IoT workflow is priced on the same draws as the Express design") {
  // step-functions-express and step-functions-standard of iot-telemetry differ only in their workflow type, so
  // the derived Express alternative of the Standard design must cost exactly what the Express design costs,
  // draw by draw: the same seed, draws and sample indices (common random numbers).
  const model::Scenario s = shipped("iot-telemetry");
  const pricing::PriceTable table = pricing::load_price_table("aws-us-east-1");
  const std::size_t standard = index_of(s, "step-functions-standard");
  const std::size_t express = index_of(s, "step-functions-express");
  engine::AdviceInput e_in{express, engine::parsed_design(s, express), {}};
  engine::AdviceInput s_in{standard, engine::parsed_design(s, standard), {}};
  s_in.alternatives = engine::derive_alternatives(s, s_in.design);
  const auto designs = engine::price_alternatives(s, table, small(6, 400), {e_in, s_in});
  REQUIRE(designs.size() == 2);
  const engine::DesignAdvice& e = designs[0];
  const engine::DesignAdvice& d = designs[1];
  const engine::AlternativeAdvice& alt = find(d, "express");
  REQUIRE(alt.allowed);
  REQUIRE(alt.saving_usd);
  REQUIRE(alt.monthly_cost_usd_per_draw.size() == 6);
  for (std::size_t k = 0; k < 6; ++k) {
    CHECK(alt.monthly_cost_usd_per_draw[k] == e.monthly_cost_usd_per_draw[k]);
    CHECK(alt.saving_usd_per_draw[k] == d.monthly_cost_usd_per_draw[k] - e.monthly_cost_usd_per_draw[k]);
  }
  CHECK(alt.saving_usd->p_candidate_cheaper == 1.0);
  CHECK(alt.saving_usd->count == 6);

  const engine::AlternativeAdvice& rules = find(d, "iot-rules");
  CHECK(rules.allowed);
  REQUIRE(rules.saving_usd);
  CHECK(rules.reason == "the scenario's IoT Core rules design; rule SQL can express this flow (WHERE clauses for "
                        "IsAlarm; rule actions Validate (lambda), RaiseAlarm (sns), Store (dynamoDBv2))");
  CHECK(d.patterns.count() == 1);
  CHECK(d.verdict.rfind("1 pattern: the cheapest alternative (", 0) == 0);
}

TEST_CASE("an alternative identical to its design saves exactly 0 in every draw") {
  const model::Scenario s = shipped("media-transcode");
  const pricing::PriceTable table = pricing::load_price_table("aws-us-east-1");
  const std::size_t index = index_of(s, "media-transcode");
  engine::DerivedAlternative same;
  same.name = "same";
  same.allowed = true;
  same.reason = "unchanged";
  engine::AdviceInput in{index, engine::parsed_design(s, index), {}};
  same.design = in.design;
  same.design->name = "media-transcode+same";
  in.alternatives.push_back(same);
  const auto designs = engine::price_alternatives(s, table, small(5, 300), {in});
  const engine::AlternativeAdvice& a = designs.at(0).alternatives.at(0);
  REQUIRE(a.saving_usd);
  REQUIRE(a.saving_usd_per_draw.size() == 5);
  for (double saving : a.saving_usd_per_draw) CHECK(saving == 0.0);
  CHECK(a.saving_usd->saving_mean == 0.0);
  CHECK(a.saving_usd->p_candidate_cheaper == 0.0);
  CHECK(designs[0].verdict == "3 of 3 patterns: Step Functions fits");
}
