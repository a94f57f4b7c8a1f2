// Distribution parameters that name inputs (docs/scenario-format.md "Distributions"): resolved once per draw,
// sampled per event; exact and statistical checks against theory, and the per-draw errors.
#include "iot_test_util.h"

#include <cmath>
#include <vector>

#include "model/errors.h"
#include "sim/value_compiler.h"

using namespace iot_test;

namespace {

model::Scenario load_with(const std::string& file, const std::vector<std::pair<std::string, std::string>>& set) {
  model::Diagnostics diags;
  model::Scenario s = model::load_scenario(std::string(FLOWCOST_TEST_DATA) + "/iot/" + file, set, diags);
  INFO(messages(diags));
  REQUIRE_FALSE(diags.has_errors());
  return s;
}

// The headline of the InputError that preparing design `name` for draw 0 throws, from the file name on.
std::string prepare_error(const model::Scenario& s, const std::string& name) {
  auto design = make(s, name);
  sim::CompiledScenarioValues values(s);
  const auto inputs = values.draw_inputs(s.run.seed, 0);
  try {
    design->prepare(inputs);
  } catch (const model::InputError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    const std::string h = model::diagnostic_headline(e.diagnostics()[0]);
    return h.substr(h.find("params_"));
  }
  return "no error";
}

// E[m^k] for m uniform on [a, b].
double uniform_moment(double a, double b, int k) {
  return (std::pow(b, k + 1) - std::pow(a, k + 1)) / ((b - a) * (k + 1));
}

}  // namespace

TEST_CASE("params: a bernoulli whose p is an input matches with that probability; --set changes it") {
  const std::uint64_t n = 200000;
  for (const auto& [set, p] : std::vector<std::pair<std::string, double>>{{"", 0.03}, {"0.2", 0.2}, {"0", 0.0}}) {
    INFO("anomaly_rate " << p);
    std::vector<std::pair<std::string, std::string>> overrides;
    if (!set.empty()) overrides.emplace_back("anomaly_rate", set);
    const auto s = load_with("params_anomaly.yaml", overrides);
    auto design = make(s, "rules");
    const Totals t = run(s, *design, n);
    const auto published = t.sum.get(sim::Meter::sns_publishes);
    // Every message is on the rule's topic, so it triggers the rule whether or not the rule matches
    // (metering.iot.where_false_triggers, true by default); only a match publishes.
    CHECK(t.sum.get(sim::Meter::iot_rules_triggered) == static_cast<std::int64_t>(n));
    if (p == 0) CHECK(published == 0);
    else check_fraction(published, n, p);
  }
}

TEST_CASE("params: an uncertain rate is a hierarchical model: mean and variance of the mixture") {
  // anomaly_rate ~ U[0.01, 0.05] per draw; n messages per draw, each an anomaly with that rate. The
  // fraction F of a draw has E[F] = E[p] and Var[F] = Var[p] + E[p (1 - p)] / n.
  const auto s = load("params_hierarchical.yaml");
  auto design = make(s, "rules");
  const std::uint64_t draws = 400, n = 2000;
  const double a = 0.01, b = 0.05;
  const double mean_p = (a + b) / 2, var_p = (b - a) * (b - a) / 12;
  const double e_p2 = uniform_moment(a, b, 2);
  const double within = (mean_p - e_p2) / static_cast<double>(n);  // E[p (1 - p)] / n
  const double var_f = var_p + within;
  std::vector<double> f;
  for (std::uint64_t d = 0; d < draws; ++d)
    f.push_back(static_cast<double>(run(s, *design, n, d).sum.get(sim::Meter::sns_publishes)) / static_cast<double>(n));
  double sum = 0;
  for (double x : f) sum += x;
  const double mean = sum / static_cast<double>(draws);
  double ss = 0;
  for (double x : f) ss += (x - mean) * (x - mean);
  const double var = ss / static_cast<double>(draws - 1);
  check_mean(mean, mean_p, std::sqrt(var_f), draws);
  // The sample variance: standard error sqrt((mu4 - var^2) / draws), mu4 of a uniform plus the binomial
  // noise (about normal): (b - a)^4 / 80 + 6 var_p within + 3 within^2.
  const double mu4 = std::pow(b - a, 4) / 80 + 6 * var_p * within + 3 * within * within;
  const double se_var = std::sqrt((mu4 - var_f * var_f) / static_cast<double>(draws));
  INFO("variance " << var << " expected " << var_f << " 4 SE " << 4 * se_var);
  CHECK(std::fabs(var - var_f) <= 4 * se_var);
  // Without the hierarchy (a fixed rate) the variance would be only the binomial part, 20 times smaller.
  CHECK(var > 5 * within);
}

TEST_CASE("params: a per-event exponential whose mean is an uncertain duration has the mixture's moments") {
  // gap | m ~ exponential with mean m, m ~ U[10 ms, 30 ms]: E[X] = E[m], E[X^k] = k! E[m^k].
  const auto s = load("params_hierarchical.yaml");
  sim::CompiledScenarioValues values(s);
  sim::ValuePlan plan;
  sim::ValueCompiler compiler(values, plan);
  const std::uint32_t gap = compiler.add_name("gap", {});
  const std::uint64_t draws = 20000;
  double sum = 0, sum2 = 0;
  for (std::uint64_t d = 0; d < draws; ++d) {
    sim::DrawValues draw(plan, values.draw_inputs(s.run.seed, d));
    draw.start_event(0);  // one event per draw: independent variates
    const double x = draw.get(gap);
    sum += x;
    sum2 += x * x;
  }
  const double n = static_cast<double>(draws);
  const double mean = sum / n, var = (sum2 - n * mean * mean) / (n - 1);
  const double m1 = uniform_moment(10, 30, 1), m2 = uniform_moment(10, 30, 2), m3 = uniform_moment(10, 30, 3),
               m4 = uniform_moment(10, 30, 4);
  const double ex2 = 2 * m2, ex3 = 6 * m3, ex4 = 24 * m4;
  const double var_x = ex2 - m1 * m1;
  check_mean(mean, m1, std::sqrt(var_x), draws);
  const double mu4 = ex4 - 4 * m1 * ex3 + 6 * m1 * m1 * ex2 - 3 * std::pow(m1, 4);
  const double se_var = std::sqrt((mu4 - var_x * var_x) / n);
  INFO("variance " << var << " expected " << var_x << " 4 SE " << 4 * se_var);
  CHECK(std::fabs(var - var_x) <= 4 * se_var);
}

TEST_CASE("params: a parameter that breaks its constraint in a draw is an input error at the parameter") {
  const auto s = load("params_draw_errors.yaml");
  CHECK(prepare_error(s, "bernoulli") ==
        "params_draw_errors.yaml:19:28: error: bernoulli p \"rate\" is 1.25 in draw 0 (probability 1.25 is outside "
        "[0, 1])");
  CHECK(prepare_error(s, "lognormal") ==
        "params_draw_errors.yaml:27:90: error: lognormal median \"base_ms\" is 200, p95 \"p95_ms\" is 120 in draw 0 "
        "(lognormal: median 200 must be less than p95 120)");
  CHECK(prepare_error(s, "normal") ==
        "params_draw_errors.yaml:34:84: error: normal sd \"spread\" is -3 in draw 0 (normal: sd must not be negative "
        "(got -3))");
  CHECK(prepare_error(s, "gamma") ==
        "params_draw_errors.yaml:41:71: error: gamma shape \"zero\" is 0 in draw 0 (gamma: shape must be greater "
        "than 0 (got 0))");
  CHECK(prepare_error(s, "uniform") ==
        "params_draw_errors.yaml:44:29: error: uniform min \"lo\" is 5120, max \"hi\" is 2048 in draw 0 (uniform: min "
        "5120 is greater than max 2048)");
  CHECK(prepare_error(s, "exponential") ==
        "params_draw_errors.yaml:52:70: error: exponential mean \"base_ms / zero\" is not a finite number in draw 0 "
        "(got inf)");
}

TEST_CASE("params: an input whose distribution names inputs above it is checked in every draw") {
  const auto s = load("params_input_error.yaml");
  sim::CompiledScenarioValues values(s);
  try {
    values.draw_inputs(s.run.seed, 3);
    FAIL("no error");
  } catch (const model::InputError& e) {
    const std::string h = model::diagnostic_headline(e.diagnostics().at(0));
    CHECK(h.substr(h.find("params_")) ==
          "params_input_error.yaml:7:26: error: uniform min \"low\" is 3, max \"high\" is 2 in draw 3 (uniform: min 3 "
          "is greater than max 2)");
  }
}

TEST_CASE("params: literal parameters keep their one compiled sampler; named ones are resolved per draw") {
  const auto s = load("params_hierarchical.yaml");
  sim::CompiledScenarioValues values(s);
  sim::ValuePlan plan;
  sim::ValueCompiler compiler(values, plan);
  model::ValueSpec literal;
  literal.kind = model::ValueSpec::Kind::distribution;
  literal.distribution.kind = model::DistributionKind::exponential;
  literal.distribution.a = 20;
  const std::uint32_t fixed = compiler.add(literal, {"literal", sim::ValueCheck::finite});
  const std::uint32_t gap = compiler.add_name("gap", {});
  CHECK(plan.values[fixed].draw_sampler == sim::CompiledValue::kNoDrawSampler);
  CHECK(plan.draw_sampler_count == 0);
  REQUIRE(plan.event_names.size() == 1);
  CHECK(plan.event_names[0].sampler.depends_on_inputs());
  // The same draw of the same item with the same mean: the resolved sampler draws what a literal one would.
  const auto inputs = values.draw_inputs(s.run.seed, 7);
  const double m = inputs.values.at("mean_gap");
  model::DistributionSpec direct;
  direct.kind = model::DistributionKind::exponential;
  direct.a = m;
  sim::DrawValues draw(plan, inputs);
  for (std::uint64_t e = 0; e < 12; ++e) {
    draw.start_event(e);
    sim::ItemVariates variates(s.run.seed, 7, sim::workload_site("gap"));
    sim::Stream stream = variates.stream(e);
    CHECK(draw.get(gap) == sim::Sampler(direct).sample(stream));
  }
}
