// Distribution parameters that name inputs: parsing, resolution per draw (exact), and the load-time checks.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>

#include "model/document.h"
#include "model/errors.h"
#include "model/expression.h"
#include "model/scenario/scenario.h"
#include "model/scenario/values.h"

using namespace flowcost::model;

namespace {

using Lines = std::vector<std::string>;

DistributionSpec dist(const std::string& text, Dimension dim, Lines* errors = nullptr) {
  Diagnostics d;
  auto n = parse_document(make_source_file("v.yaml", text), d);
  REQUIRE(n);
  DistributionSpec s = parse_distribution(*n, dim, d);
  Lines out;
  for (const auto& item : d.items()) out.push_back(diagnostic_headline(item));
  if (errors) *errors = out;
  else {
    INFO((out.empty() ? std::string() : out[0]));
    REQUIRE(out.empty());
  }
  return s;
}

// The names and expressions (or literal values) of the parameters, "name=expression" or "name:value".
Lines written(const DistributionSpec& s) {
  Lines out;
  for (const auto& p : s.parameters)
    out.push_back(p.expression ? p.name + "=" + p.expression->text() : p.name + ":" + std::to_string(p.value));
  return out;
}

DistributionSpec at(const DistributionSpec& s, const std::map<std::string, double>& values) {
  return resolve_distribution(
      s, [&](std::string_view name) { return values.at(std::string(name)); }, "in draw 4");
}

std::string resolve_error(const DistributionSpec& s, const std::map<std::string, double>& values) {
  try {
    at(s, values);
  } catch (const InputError& e) {
    return diagnostic_headline(e.diagnostics().at(0));
  }
  return "no error";
}

}  // namespace

TEST_CASE("every numeric parameter of every kind may name inputs or be an expression over them") {
  const Dimension ms = Dimension::duration_ms;
  CHECK(written(dist("{uniform: [lo, 2s]}", ms)) == Lines{"min=lo", "max:2000.000000"});
  CHECK(written(dist("{triangular: {min: 0, mode: m, max: top}}", ms)) == Lines{"min:0.000000", "mode=m", "max=top"});
  CHECK(written(dist("{pert: [a, b * 2, c]}", ms)) == Lines{"min=a", "mode=b * 2", "max=c"});
  CHECK(written(dist("{normal: {mean: mu_ms, sd: sd_ms, min: floor_ms, max: 1s}}", ms)) ==
        Lines{"mean=mu_ms", "sd=sd_ms", "min=floor_ms", "max:1000.000000"});
  CHECK(written(dist("{lognormal: {median: base_ms, p95: p95_ms}}", ms)) == Lines{"median=base_ms", "p95=p95_ms"});
  CHECK(written(dist("{lognormal: {mu: log_mu, sigma: 0.5}}", ms)) == Lines{"mu=log_mu", "sigma:0.500000"});
  CHECK(written(dist("{exponential: mean_gap}", ms)) == Lines{"mean=mean_gap"});
  CHECK(written(dist("{exponential: {mean: 2 * mean_gap}}", ms)) == Lines{"mean=2 * mean_gap"});
  CHECK(written(dist("{gamma: {shape: k, scale: 3KB}}", Dimension::size_bytes)) == Lines{"shape=k", "scale:3072.000000"});
  CHECK(written(dist("{weibull: {shape: 1.5, scale: theta}}", ms)) == Lines{"shape:1.500000", "scale=theta"});
  CHECK(written(dist("{bernoulli: anomaly_rate}", Dimension::none)) == Lines{"p=anomaly_rate"});
  CHECK(written(dist("{bernoulli: {p: \"rate / 2\"}}", Dimension::none)) == Lines{"p=rate / 2"});
  // Literal parameters keep today's form: no parameters recorded, a and b final.
  const DistributionSpec literal = dist("{lognormal: {median: 35ms, p95: 120ms}}", ms);
  CHECK_FALSE(literal.depends_on_inputs());
  CHECK(literal.a == std::log(35.0));
  // The parameter's position is its text's.
  const DistributionSpec b = dist("{bernoulli: {p: anomaly_rate}}", Dimension::none);
  CHECK(b.depends_on_inputs());
  CHECK(b.parameters[0].loc.line == 1);
  CHECK(b.parameters[0].loc.column == 17);
}

TEST_CASE("resolving parameters at a draw's values gives what the same literals give") {
  const Dimension ms = Dimension::duration_ms;
  const DistributionSpec ln = at(dist("{lognormal: {median: base_ms, p95: 120ms}}", ms), {{"base_ms", 35}});
  const DistributionSpec ln_literal = dist("{lognormal: {median: 35ms, p95: 120ms}}", ms);
  CHECK(ln.a == ln_literal.a);
  CHECK(ln.b == ln_literal.b);
  CHECK_FALSE(ln.depends_on_inputs());
  const DistributionSpec n = at(dist("{normal: {mean: m, sd: \"m / 4\"}}", ms), {{"m", 40}});
  CHECK(n.a == 40);
  CHECK(n.b == 10);
  CHECK(n.lower == 0.0);  // a duration is truncated at 0, as with literals
  const DistributionSpec t = at(dist("{triangular: [lo, mode, hi]}", Dimension::none), {{"lo", 1}, {"mode", 2}, {"hi", 4}});
  CHECK((t.a == 1 && t.b == 2 && t.c == 4));
  CHECK(at(dist("{bernoulli: r}", Dimension::none), {{"r", 0.25}}).a == 0.25);
  const DistributionSpec g = at(dist("{gamma: {shape: k, scale: s}}", ms), {{"k", 2}, {"s", 3}});
  CHECK((g.a == 2 && g.b == 3));
}

TEST_CASE("constraints on literals are checked at load; on named parameters, per draw with the draw and values") {
  const Dimension ms = Dimension::duration_ms;
  Lines errors;
  // Only literals in the constraint: at load, with today's message.
  dist("{triangular: [30ms, mode_ms, 10ms]}", ms, &errors);
  CHECK(errors == Lines{"v.yaml:1:30: error: triangular: min 30 must be less than max 10"});
  dist("{normal: {mean: m, sd: -1ms}}", ms, &errors);
  CHECK(errors == Lines{"v.yaml:1:24: error: normal: sd must not be negative (got -1)"});
  // A named parameter in the constraint: nothing at load, an error in the draw that breaks it.
  dist("{uniform: [lo, 3ms]}", ms, &errors);
  CHECK(errors.empty());
  const DistributionSpec u = dist("{uniform: [lo, 3ms]}", ms);
  CHECK(resolve_error(u, {{"lo", 5}}) ==
        "v.yaml:1:16: error: uniform min \"lo\" is 5 in draw 4 (uniform: min 5 is greater than max 3)");
  CHECK(resolve_error(u, {{"lo", -1}}) ==
        "v.yaml:1:12: error: uniform min \"lo\" is -1 in draw 4 (uniform: min must not be negative for a duration "
        "(got -1))");
  CHECK(resolve_error(dist("{triangular: [0, m, 10]}", Dimension::none), {{"m", 12}}) ==
        "v.yaml:1:18: error: triangular mode \"m\" is 12 in draw 4 (triangular: mode 12 is outside [0, 10])");
  CHECK(resolve_error(dist("{lognormal: {median: m, p95: 120ms}}", ms), {{"m", 0}}) ==
        "v.yaml:1:22: error: lognormal median \"m\" is 0 in draw 4 (lognormal: median must be greater than 0 (got 0))");
  CHECK(resolve_error(dist("{lognormal: {mu: 1, sigma: s}}", ms), {{"s", -0.5}}) ==
        "v.yaml:1:28: error: lognormal sigma \"s\" is -0.5 in draw 4 (lognormal: sigma must not be negative (got -0.5))");
  CHECK(resolve_error(dist("{weibull: {shape: 2, scale: theta}}", ms), {{"theta", -2}}) ==
        "v.yaml:1:29: error: weibull scale \"theta\" is -2 in draw 4 (weibull: scale must be greater than 0 (got -2))");
  CHECK(resolve_error(dist("{exponential: {mean: m}}", ms), {{"m", 0}}) ==
        "v.yaml:1:22: error: exponential mean \"m\" is 0 in draw 4 (exponential: mean must be greater than 0 (got 0))");
  CHECK(resolve_error(dist("{normal: {mean: m, sd: 1, min: 0, max: 5}}", Dimension::none), {{"m", 100}}) ==
        "v.yaml:1:17: error: normal mean \"m\" is 100 in draw 4 (normal: [min, max] is more than 37 standard "
        "deviations from the mean; nothing to sample)");
  CHECK(resolve_error(dist("{bernoulli: \"r * 2\"}", Dimension::none), {{"r", 0.75}}) ==
        "v.yaml:1:14: error: bernoulli p \"r * 2\" is 1.5 in draw 4 (probability 1.5 is outside [0, 1])");
  CHECK(resolve_error(dist("{bernoulli: \"r / z\"}", Dimension::none), {{"r", 1}, {"z", 0}}) ==
        "v.yaml:1:14: error: bernoulli p \"r / z\" is not a finite number in draw 4 (got inf)");
}

namespace {

Lines load_errors(const std::string& file) {
  Diagnostics d;
  load_scenario(std::string(FLOWCOST_TEST_DATA) + "/scenario/" + file, {}, d);
  Lines out;
  for (const auto& item : d.items()) {
    const std::string h = diagnostic_headline(item);
    out.push_back(h.substr(h.find(file)));
  }
  return out;
}

}  // namespace

TEST_CASE("parameters that name inputs are checked at load: names, order, per-event items") {
  CHECK(load_errors("params_errors.yaml") ==
        Lines{
            "params_errors.yaml:7:22: error: input \"early\" uses input \"later\" before its definition at line 8",
            "params_errors.yaml:9:21: error: unknown name \"rat\"; did you mean \"rate\"?",
            "params_errors.yaml:13:35: error: workload item \"per_event\" refers to \"payload\", a per-event "
            "workload distribution; expressions take per-draw values only",
        });
}

TEST_CASE("parameters that name inputs in design fields: per-draw names, dimensions, literal constraints") {
  CHECK(load_errors("params_design_errors.yaml") ==
        Lines{
            "params_design_errors.yaml:17:70: error: expected a duration, but \"size\" is a size",
            "params_design_errors.yaml:18:65: error: gamma: shape takes a plain number, but \"base_ms\" is a duration",
            "params_design_errors.yaml:19:70: error: exponential mean refers to \"payload\", a per-event workload "
            "distribution; expressions take per-draw values only",
            "params_design_errors.yaml:20:78: error: triangular: min 30 must be less than max 10",
        });
}
