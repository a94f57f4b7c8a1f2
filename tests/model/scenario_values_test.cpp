#include <catch2/catch.hpp>

#include <cmath>

#include "model/document.h"
#include "model/scenario/values.h"

using namespace flowcost::model;

namespace {
Node node_of(const std::string& text, const std::string& file = "v.yaml") {
  Diagnostics d;
  auto n = parse_document(make_source_file(file, text), d);
  REQUIRE(n);
  REQUIRE(d.empty());
  return *n;
}

DistributionSpec dist(const std::string& text, Dimension dim = Dimension::none) {
  Diagnostics d;
  DistributionSpec s = parse_distribution(node_of(text), dim, d);
  INFO((d.items().empty() ? std::string() : diagnostic_headline(d.items()[0])));
  REQUIRE(d.empty());
  return s;
}

std::vector<std::string> errors(const std::string& text, Dimension dim = Dimension::none) {
  Diagnostics d;
  parse_distribution(node_of(text), dim, d);
  std::vector<std::string> out;
  for (const auto& item : d.items()) out.push_back(diagnostic_headline(item));
  return out;
}
using Lines = std::vector<std::string>;
}  // namespace

TEST_CASE("every distribution kind parses with its parameters in base units") {
  auto u = dist("{uniform: [200ms, 600ms]}", Dimension::duration_ms);
  CHECK(u.kind == DistributionKind::uniform);
  CHECK(u.a == 200.0);
  CHECK(u.b == 600.0);
  CHECK(u.loc.line == 1);
  CHECK(u.loc.column == 2);

  auto t = dist("{triangular: {min: 200, mode: 325, max: 500}}");
  CHECK(t.kind == DistributionKind::triangular);
  CHECK((t.a == 200 && t.b == 325 && t.c == 500));
  auto p = dist("{pert: [1s, 2s, 5s]}");
  CHECK(p.kind == DistributionKind::pert);
  CHECK(p.dimension == Dimension::duration_ms);
  CHECK(p.c == 5000.0);

  auto n = dist("{normal: {mean: 40ms, sd: 10ms}}", Dimension::duration_ms);
  CHECK((n.a == 40 && n.b == 10));
  CHECK(n.lower == 0.0);  // durations are truncated at 0 by default
  CHECK_FALSE(n.upper);
  auto n2 = dist("{normal: {mean: 5, sd: 2, min: -1, max: 8}}");
  CHECK(n2.lower == -1.0);
  CHECK(n2.upper == 8.0);
  CHECK_FALSE(dist("{normal: {mean: 5, sd: 2}}").lower);

  auto l = dist("{lognormal: {median: 35ms, p95: 120ms}}", Dimension::duration_ms);
  CHECK(l.a == Approx(std::log(35.0)).epsilon(1e-15));
  CHECK(l.b == Approx((std::log(120.0) - std::log(35.0)) / 1.6448536269514722).epsilon(1e-15));
  auto l2 = dist("{lognormal: {mu: 1.5, sigma: 0.25}}");
  CHECK((l2.a == 1.5 && l2.b == 0.25));

  CHECK(dist("{exponential: {mean: 2s}}").a == 2000.0);
  CHECK(dist("{exponential: 2s}").a == 2000.0);
  auto g = dist("{gamma: {shape: 2, scale: 3KB}}");
  CHECK((g.kind == DistributionKind::gamma && g.a == 2 && g.b == 3072));
  auto w = dist("{weibull: {shape: 1.5, scale: 100}}");
  CHECK((w.kind == DistributionKind::weibull && w.a == 1.5 && w.b == 100));
  CHECK(dist("{bernoulli: 0.25}").a == 0.25);
  CHECK(dist("{bernoulli: {p: 0.25}}").a == 0.25);
  CHECK(dist("{constant: 5KB}").a == 5120.0);
  CHECK(dist("35ms", Dimension::duration_ms).is_constant());
}

TEST_CASE("discrete distributions over numbers or labels") {
  auto d = dist("{discrete: {1KB: 0.5, 4KB: 0.25, 16KB: 0.25}}", Dimension::size_bytes);
  CHECK(d.values == std::vector<double>{1024, 4096, 16384});
  CHECK(d.weights == std::vector<double>{0.5, 0.25, 0.25});
  CHECK(d.labels.empty());
  CHECK(dist("{discrete: {1KB: 0.5, 2KB: 0.5}}").dimension == Dimension::size_bytes);
  auto l = dist("{discrete: {small: 0.7, large: 0.3}}");
  CHECK(l.labels == std::vector<std::string>{"small", "large"});
  CHECK(l.values == std::vector<double>{0, 1});
}

TEST_CASE("empirical samples come from a CSV relative to the scenario") {
  std::string data = std::string(FLOWCOST_TEST_DATA) + "/scenario/";
  std::string file = data + "values.yaml";
  Diagnostics d;
  auto s = parse_distribution(node_of("{empirical: {csv: samples.csv, column: duration}}", file),
                              Dimension::duration_ms, d);
  REQUIRE(d.empty());
  CHECK(s.samples == std::vector<double>{30, 45, 2000, 60, 1500});
  CHECK(s.source_file == std::string(FLOWCOST_TEST_DATA) + "/scenario/samples.csv");
  CHECK(s.source_sha256.size() == 64);
  auto by_index = parse_distribution(node_of("{empirical: {csv: samples.csv, column: 2}}", file),
                                     Dimension::size_bytes, d);
  CHECK(by_index.samples == std::vector<double>{900, 1024, 3000, 512, 2048});
  auto first = parse_distribution(node_of("{empirical: samples.csv}", file), Dimension::none, d);
  CHECK(first.samples.size() == 5);
  CHECK(d.empty());

  Diagnostics bad;
  parse_distribution(node_of("{empirical: {csv: bad_samples.csv}}", file), Dimension::duration_ms, bad);
  REQUIRE(bad.items().size() == 2);
  CHECK(diagnostic_headline(bad.items()[0]) == std::string(FLOWCOST_TEST_DATA) +
                                                   "/scenario/bad_samples.csv:3:1: error: unknown duration unit "
                                                   "\"parsecs\"; use ms, s, min, h or d");
  CHECK(diagnostic_headline(bad.items()[1]) ==
        std::string(FLOWCOST_TEST_DATA) + "/scenario/bad_samples.csv:5:1: error: \"x\" is not a duration");
  Diagnostics col;
  parse_distribution(node_of("{empirical: {csv: samples.csv, column: durration}}", file), Dimension::none, col);
  REQUIRE(col.items().size() == 1);
  CHECK(diagnostic_headline(col.items()[0]) ==
        file + ":1:40: error: unknown column \"durration\" in " + data + "samples.csv; did you mean \"duration\"?");
  CHECK(errors("{empirical: {csv: nothere.csv}}") ==
        Lines{"v.yaml:1:19: error: empirical: cannot read \"nothere.csv\": no such file"});
}

TEST_CASE("distribution mistakes are errors at their position") {
  CHECK(errors("{lognormall: {mu: 1, sigma: 2}}") ==
        Lines{"v.yaml:1:2: error: unknown distribution \"lognormall\"; did you mean \"lognormal\"?"});
  CHECK(errors("{uniform: [5, 3]}") == Lines{"v.yaml:1:15: error: uniform: min 5 is greater than max 3"});
  CHECK(errors("{uniform: [1, 2, 3]}") == Lines{"v.yaml:1:11: error: uniform takes [min, max]; got 3 values"});
  CHECK(errors("{triangular: [1, 5, 3]}") ==
        Lines{"v.yaml:1:18: error: triangular: mode 5 is outside [1, 3]"});
  CHECK(errors("{pert: {min: 1, mode: 2}}") == Lines{"v.yaml:1:8: error: pert is missing \"max\""});
  CHECK(errors("{normal: {mean: 1, sd: -1}}") ==
        Lines{"v.yaml:1:24: error: normal: sd must not be negative (got -1)"});
  CHECK(errors("{normal: {mean: 1, sdd: 1}}") ==
        Lines{"v.yaml:1:20: error: unknown parameter \"sdd\"; did you mean \"sd\"?",
              "v.yaml:1:10: error: normal is missing \"sd\""});
  CHECK(errors("{lognormal: {median: 120ms, p95: 35ms}}", Dimension::duration_ms) ==
        Lines{"v.yaml:1:34: error: lognormal: median 120 must be less than p95 35"});
  CHECK(errors("{lognormal: {median: 0, p95: 35}}") ==
        Lines{"v.yaml:1:22: error: lognormal: median must be greater than 0 (got 0)"});
  CHECK(errors("{gamma: {shape: 0, scale: 1}}") ==
        Lines{"v.yaml:1:17: error: gamma: shape must be greater than 0 (got 0)"});
  CHECK(errors("{weibull: {shape: 2ms, scale: 1}}") ==
        Lines{"v.yaml:1:19: error: weibull: shape takes a plain number, without a unit"});
  CHECK(errors("{bernoulli: 1.5}") == Lines{"v.yaml:1:13: error: probability 1.5 is outside [0, 1]"});
  CHECK(errors("{discrete: {a: 0.5, b: 0.4}}") == Lines{"v.yaml:1:12: error: discrete: weights sum to 0.9, not 1"});
  CHECK(errors("{discrete: {a: 0.5, b: 1.5}}") ==
        Lines{"v.yaml:1:24: error: discrete: weight of \"b\" must be a number in [0, 1], got 1.5"});
  CHECK(errors("{uniform: [-5ms, 3ms]}", Dimension::duration_ms) ==
        Lines{"v.yaml:1:12: error: uniform: min must not be negative for a duration (got -5)"});
  CHECK(errors("{uniform: [1ms, 3KB]}") ==
        Lines{"v.yaml:1:17: error: expected a duration, got a size (\"3KB\")"});
  CHECK(errors("{uniform: [1, 2], normal: {mean: 1, sd: 1}}") ==
        Lines{"v.yaml:1:19: error: a distribution is a mapping with one key (its kind); unexpected \"normal\""});
  CHECK(errors("{exponential: {mean: 0}}") ==
        Lines{"v.yaml:1:22: error: exponential: mean must be greater than 0 (got 0)"});
  CHECK(errors("{normal: {mean: 100, sd: 1, max: 5}}") ==
        Lines{"v.yaml:1:17: error: normal: [min, max] is more than 37 standard deviations from the mean; nothing to sample"});
}

TEST_CASE("values are numbers, expressions or distributions") {
  Diagnostics d;
  ValueSpec n = parse_value(node_of("35ms"), Dimension::duration_ms, d);
  CHECK(n.kind == ValueSpec::Kind::number);
  CHECK(n.number == 35.0);
  ValueSpec e = parse_value(node_of("devices * 30"), Dimension::none, d);
  CHECK(e.kind == ValueSpec::Kind::expression);
  CHECK(e.expression.names() == std::vector<std::string>{"devices"});
  ValueSpec q = parse_value(node_of("\"a +\""), Dimension::none, d);
  CHECK(q.kind == ValueSpec::Kind::expression);
  REQUIRE(d.items().size() == 1);
  CHECK(diagnostic_headline(d.items()[0]) ==
        "v.yaml:1:5: error: expected a number, a name or \"(\" at the end of the expression");
  ValueSpec dist = parse_value(node_of("{uniform: [1, 2]}"), Dimension::none, d);
  CHECK(dist.kind == ValueSpec::Kind::distribution);
  ValueSpec c = parse_value(node_of("{constant: 3}"), Dimension::none, d);
  CHECK(c.kind == ValueSpec::Kind::number);
  CHECK(c.number == 3.0);

  Diagnostics bad;
  parse_value(node_of("35mss"), Dimension::duration_ms, bad);
  parse_value(node_of("-5ms"), Dimension::duration_ms, bad);
  parse_value(node_of("[1, 2]"), Dimension::duration_ms, bad);
  parse_value(node_of("true"), Dimension::none, bad);
  REQUIRE(bad.items().size() == 4);
  CHECK(diagnostic_headline(bad.items()[0]) ==
        "v.yaml:1:1: error: unknown duration unit \"mss\"; use ms, s, min, h or d");
  CHECK(diagnostic_headline(bad.items()[1]) == "v.yaml:1:1: error: a duration must not be negative (got -5)");
  CHECK(diagnostic_headline(bad.items()[2]) ==
        "v.yaml:1:1: error: expected a duration, an expression or a distribution, got array");
  CHECK(diagnostic_headline(bad.items()[3]) ==
        "v.yaml:1:1: error: expected a number, an expression or a distribution, got boolean");
}

TEST_CASE("numbers and probabilities") {
  Diagnostics d;
  CHECK(parse_number(node_of("5KB"), Dimension::size_bytes, d) == 5120.0);
  CHECK_FALSE(parse_number(node_of("a * 2"), Dimension::none, d));
  ValueSpec p = parse_probability(node_of("0.02"), d);
  CHECK(p.number == 0.02);
  ValueSpec pe = parse_probability(node_of("alarm_fraction"), d);
  CHECK(pe.kind == ValueSpec::Kind::expression);
  parse_probability(node_of("1.5"), d);
  parse_probability(node_of("{uniform: [0, 1]}"), d);
  REQUIRE(d.items().size() == 3);
  CHECK(diagnostic_headline(d.items()[0]) == "v.yaml:1:1: error: \"a * 2\" is not a number");
  CHECK(diagnostic_headline(d.items()[1]) == "v.yaml:1:1: error: probability 1.5 is outside [0, 1]");
  CHECK(diagnostic_headline(d.items()[2]) ==
        "v.yaml:1:1: error: a probability is a number in [0, 1] or an expression over inputs, not a distribution");
}
