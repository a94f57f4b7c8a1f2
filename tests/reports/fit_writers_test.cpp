// The fragment `flowcost fit` writes (reports/fit_writers.h): each kind of duration in the scenario's own
// parameters and units, empirical samples by file name, Choice weights and Map items.
#include <catch2/catch.hpp>

#include <sstream>

#include "reports/fit_writers.h"

using namespace flowcost;
using model::DistributionKind;

namespace {

sim::fit::DurationFit chosen(DistributionKind kind, double a, double b) {
  sim::fit::DurationFit f;
  f.samples = {1, 2};
  sim::fit::FitCandidate c;
  c.kind = kind;
  c.a = a;
  c.b = b;
  f.candidates.push_back(c);
  f.chosen = 0;
  f.reason = "test";
  return f;
}

std::string yaml_of(const reports::FitDocument& doc) {
  std::ostringstream out;
  reports::write_fit_yaml(doc, out);
  return out.str();
}

}  // namespace

TEST_CASE("fit fragment: lognormal, gamma, Weibull, constant and empirical durations") {
  reports::FitDocument doc;
  doc.csv_prefix = "out.";
  doc.lambda.emplace();
  auto add = [&](const std::string& name, sim::fit::DurationFit d) {
    sim::fit::LambdaFunctionFit f;
    f.name = name;
    f.invocations = 2;
    f.duration = std::move(d);
    doc.lambda->functions.push_back(std::move(f));
  };
  add("a", chosen(DistributionKind::lognormal, 3.5, 0.25));
  add("b", chosen(DistributionKind::gamma, 2.5, 40));
  add("c", chosen(DistributionKind::weibull, 1.5, 100.5));
  sim::fit::DurationFit constant;
  constant.samples = {7, 7};
  add("d", constant);
  sim::fit::DurationFit empirical;
  empirical.samples = {7, 9};
  empirical.reason = "2 samples are too few";
  add("e f", empirical);
  const std::string y = yaml_of(doc);
  CHECK(y.find("  a:\n") != std::string::npos);
  CHECK(y.find("    duration: {lognormal: {mu: 3.5, sigma: 0.25}}\n") != std::string::npos);
  CHECK(y.find("    duration: {gamma: {shape: 2.5, scale: 40ms}}\n") != std::string::npos);
  CHECK(y.find("    duration: {weibull: {shape: 1.5, scale: 100.5ms}}\n") != std::string::npos);
  CHECK(y.find("    duration: 7ms\n") != std::string::npos);
  CHECK(y.find("  \"e f\":\n") != std::string::npos);
  CHECK(y.find("    duration: {empirical: {csv: out.e_f.duration.csv}}\n") != std::string::npos);
  auto csvs = reports::empirical_csvs(doc);
  REQUIRE(csvs.size() == 1);
  CHECK(csvs[0].file_name == "out.e_f.duration.csv");
  std::ostringstream csv;
  reports::write_empirical_csv(*csvs[0].samples, csv);
  CHECK(csv.str() == "duration_ms\n7\n9\n");
}

TEST_CASE("fit fragment: Choice weights by target or default, Map items, callback waits") {
  reports::FitDocument doc;
  doc.histories.emplace();
  auto& h = *doc.histories;
  sim::fit::TaskFit t;
  t.state = "Approve";
  t.callback = true;
  t.visits = t.attempts = 4;
  t.duration.samples = {3600000, 3600000};
  t.errors = {{"Rejected", 1}};
  h.tasks.push_back(t);
  h.choices.push_back({"Pick", 4, {{"Big", "Big", 1}, {"default", "Small", 3}}});
  sim::fit::MapFit one;
  one.state = "Each";
  one.visits = 2;
  one.item_counts = {{5, 2}};
  h.maps.push_back(one);
  sim::fit::MapFit many;
  many.state = "All";
  many.visits = 4;
  many.item_counts = {{1, 1}, {10, 3}};
  h.maps.push_back(many);
  const std::string y = yaml_of(doc);
  CHECK(y.find("    callback: {wait: 3600000ms}\n    # failed attempts per error: Rejected 1 of 4\n    errors: {Rejected: 0.25}\n") !=
        std::string::npos);
  CHECK(y.find("choices:\n  # Pick: 4 visits; Big 1 Small (default) 3\n  Pick: {Big: 0.25, default: 0.75}\n") !=
        std::string::npos);
  CHECK(y.find("  Each: {items: 5}\n") != std::string::npos);
  CHECK(y.find("  All: {items: {discrete: {1: 0.25, 10: 0.75}}}\n") != std::string::npos);
}
