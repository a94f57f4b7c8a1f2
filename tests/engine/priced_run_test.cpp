#include <catch2/catch.hpp>

#include <cmath>

#include "engine/priced_run.h"

using namespace flowcost;

namespace {

pricing::RateLine rate(const std::string& meter, const std::string& label, double per, double price_usd) {
  pricing::RateLine line;
  line.meter = meter;
  line.label = label;
  line.unit = label;
  line.per = per;
  line.tiers.push_back({0, std::nullopt, price_usd, {}});
  return line;
}

// $25 per million transitions, $0.20 per million Lambda requests.
pricing::PriceTable small_table() {
  pricing::PriceTable t;
  t.name = "test-table";
  t.region = "test-1";
  t.effective_date = "2025-01-01";
  t.path = "tests/table.yaml";
  t.sha256 = "ab12";
  t.lines = {rate("sfn.standard.transitions", "transitions", 1e6, 25), rate("lambda.requests", "requests", 1e6, 0.2)};
  return t;
}

// Appends a draw with these monthly totals to `design` (new meters get columns), with `batches` as its batch
// totals (by default two batches equal to the draw's totals).
void add_draw(sim::DesignResult& design, std::uint64_t index, double events, const model::MeterTotals& monthly,
              std::vector<model::MeterTotals> batches = {}) {
  if (batches.empty()) batches = {monthly, monthly};
  sim::DrawRecord d;
  d.draw = index;
  d.events_per_month = events;
  d.executions = 1000;
  for (const auto& [name, value] : monthly) design.add_column(name);
  for (const auto& b : batches)
    for (const auto& [name, value] : b) design.add_column(name);
  auto row = [&](const model::MeterTotals& totals) {
    std::vector<double> out(design.meters.size(), 0.0);
    for (const auto& [name, value] : totals) out[*design.column(name)] = value;
    return out;
  };
  d.monthly = row(monthly);
  for (const auto& b : batches) {
    auto r = row(b);
    d.batch_monthly.insert(d.batch_monthly.end(), r.begin(), r.end());
  }
  design.draws.push_back(d);
}

sim::LatencyHistogram latencies(const std::vector<double>& values) {
  sim::LatencyHistogram h;
  for (double v : values) h.add(v);
  return h;
}

// Execution totals in native units: `count` of `meter` (a count meter: scale 1).
sim::MeterSums totals(sim::Meter meter, std::uint64_t count) {
  sim::MeterSums s;
  s.v[static_cast<std::size_t>(meter)] = count;
  return s;
}

sim::RunResult two_designs() {
  sim::RunResult run;
  run.seed = 3;
  run.executions_per_draw = 1000;
  sim::DesignResult a;
  a.name = "sfn";
  add_draw(a, 0, 1e6, {{"sfn.standard.transitions", 1e6}});
  add_draw(a, 1, 2e6, {{"sfn.standard.transitions", 2e6}});
  add_draw(a, 2, 3e6, {{"sfn.standard.transitions", 3e6}});
  a.execution_totals = totals(sim::Meter::sfn_standard_transitions, 3000);
  a.latency_ms = latencies({40, 10, 30, 20, 50});
  a.draws[0].latency_sum_ms = 150;
  a.draws[0].latency_count = 5;
  a.outcomes.succeeded = 2990;
  a.outcomes.failed = 10;
  a.outcomes.failed_by_error = {{"States.Timeout", 10}};
  a.executions = 3000;
  sim::DesignResult b;
  b.name = "iot";
  // Lambda requests only in two draws: the draw without them counts 0.
  add_draw(b, 0, 1e6, {{"lambda.requests", 1e6}});
  add_draw(b, 1, 2e6, {});
  add_draw(b, 2, 3e6, {{"lambda.requests", 4e6}});
  b.execution_totals = totals(sim::Meter::lambda_requests, 2500);
  b.latency_ms = latencies({5});
  b.draws[0].latency_sum_ms = 5;
  b.draws[0].latency_count = 1;
  b.outcomes.succeeded = 2997;
  b.outcomes.lost = 3;
  b.executions = 3000;
  run.designs = {a, b};
  run.simulated_executions = 6000;
  run.simulated_transitions = 12000;
  return run;
}

}  // namespace

TEST_CASE("each draw is priced, then summarised: mean, type-7 quantiles, standard error over draws") {
  auto run = two_designs();
  auto table = small_table();
  auto priced = engine::price_run(run, table, {});
  REQUIRE(priced.size() == 2);
  CHECK(priced[0].monthly_cost_usd == std::vector<double>{25, 50, 75});
  CHECK(priced[1].meters == std::vector<std::string>{"lambda.requests"});
  CHECK(priced[1].monthly_cost_usd[1] == 0);
  CHECK(priced[1].monthly_cost_usd[2] == Approx(0.8).epsilon(1e-12));
  // Identical batches: no Monte Carlo spread within a draw.
  CHECK(priced[0].draw_std_error_usd == std::vector<double>{0, 0, 0});

  auto report = engine::build_run_report({{}, run, priced, table, {}, std::nullopt});
  const auto& a = report.designs[0];
  CHECK(a.monthly_cost_usd.mean == 50);
  CHECK(a.monthly_cost_usd.std_error == Approx(25 / std::sqrt(3.0)).epsilon(1e-12));
  CHECK(a.monthly_cost_usd.p05 == Approx(27.5).epsilon(1e-12));  // h = 0.1: 25 + 0.1 x 25
  CHECK(a.monthly_cost_usd.p50 == 50);
  CHECK(a.monthly_cost_usd.p95 == Approx(72.5).epsilon(1e-12));
  CHECK(a.monthly_cost_usd.draw_std_error == 0);  // identical batches
  CHECK(a.per_execution_cost_usd_mean == Approx(25e-6).epsilon(1e-12));
  CHECK(a.events_per_month_mean == 2e6);
  REQUIRE(a.lines.size() == 1);
  CHECK(a.lines[0].meter == "sfn.standard.transitions");
  CHECK(a.lines[0].quantity_mean == 2e6);
  CHECK(a.lines[0].cost_usd_mean == 50);
  CHECK(a.meters.at("sfn.standard.transitions").monthly_mean == 2e6);
  CHECK(a.meters.at("sfn.standard.transitions").per_execution_mean == 1.0);
  CHECK(a.latency.mean_ms == 30);
  // Quantiles from the histogram: each order statistic is its bucket's midpoint (30 lies in [30, 30 + 2^4/1024),
  // 40 in [40, 40 + 2^5/1024)); the smallest and largest are exact. Within 2^-11 of the exact type-7 values.
  CHECK(a.latency.p50_ms == 30 + 8.0 / 1024);
  CHECK(a.latency.p90_ms == Approx(40.015625 + 0.6 * (50 - 40.015625)).epsilon(1e-12));  // h = 3.6
  CHECK(a.latency.p90_ms == Approx(46).epsilon(1.0 / 2048));
  CHECK(a.latency.p95_ms == Approx(48).epsilon(1.0 / 2048));   // h = 3.8: 40 + 0.8 x 10
  CHECK(a.latency.p99_ms == Approx(49.6).epsilon(1.0 / 2048));  // h = 3.96
  CHECK(report.designs[1].latency.mean_ms == 5);
  CHECK(a.outcomes.failed_by_error.at("States.Timeout") == 10);
  CHECK(report.tool_version == FLOWCOST_VERSION);
  CHECK(report.draws == 3);
  CHECK(report.seed == 3);
  CHECK(report.prices.name == "test-table");
  CHECK(report.input_files.at("tests/table.yaml") == "ab12");
  CHECK(report.converged);
  CHECK(report.performance.simulated_transitions == 12000);
}

TEST_CASE("designs after the first are compared with it on the same draws") {
  auto run = two_designs();
  auto table = small_table();
  auto priced = engine::price_run(run, table, {});
  auto report = engine::build_run_report({{}, run, priced, table, {}, std::nullopt});
  REQUIRE(report.comparisons.size() == 1);
  const auto& c = report.comparisons[0];
  CHECK(c.baseline == "sfn");
  CHECK(c.candidate == "iot");
  // savings per draw: 24.8, 50, 74.2
  CHECK(c.saving_usd.mean == Approx(149.0 / 3).epsilon(1e-12));
  CHECK(c.saving_usd.p05 == Approx(24.8 + 0.1 * 25.2).epsilon(1e-12));
  CHECK(c.saving_fraction_mean == Approx(149.0 / 150).epsilon(1e-12));
  CHECK(c.p_candidate_cheaper == 1);
  CHECK(c.ratio_mean == Approx(1.0 / 150).epsilon(1e-12));
  CHECK(c.latency_p95_delta_ms == Approx(5 - (40.015625 + 0.8 * (50 - 40.015625))).epsilon(1e-12));  // histogram p95
  CHECK(c.failed_fraction_delta == Approx(-10.0 / 3000).epsilon(1e-12));
  CHECK(c.lost_fraction_delta == Approx(3.0 / 3000).epsilon(1e-12));
}

TEST_CASE("the stop rule: converged when 1.96 x standard error <= target x mean, with a warning otherwise") {
  auto run = two_designs();
  auto table = small_table();
  auto priced = engine::price_run(run, table, {});
  // Design sfn: 1.96 x 14.43 / 50 = 0.566; design iot: larger.
  double rel_iot = engine::monthly_cost_relative_error(priced[1]);
  CHECK(engine::monthly_cost_relative_error(priced[0]) == Approx(1.96 * 25 / std::sqrt(3.0) / 50).epsilon(1e-12));
  CHECK_FALSE(engine::run_converged(priced, 0.5));
  CHECK(engine::run_converged(priced, rel_iot));
  auto report = engine::build_run_report({{}, run, priced, table, {}, 0.5});
  CHECK_FALSE(report.converged);
  CHECK(report.relative_error == Approx(rel_iot).epsilon(1e-12));
  REQUIRE(report.warnings.size() == 1);
  CHECK(report.warnings[0].rfind("the stop rule did not converge: the 95% half-width of the mean monthly cost is ", 0) ==
        0);
}

TEST_CASE("one draw: the standard error comes from the draw's batches") {
  sim::RunResult run;
  sim::DesignResult a;
  a.name = "only";
  add_draw(a, 0, 1e6, {{"sfn.standard.transitions", 2e6}},
           {{{"sfn.standard.transitions", 1e6}}, {{"sfn.standard.transitions", 3e6}}});  // $25 and $75
  run.designs = {a};
  auto table = small_table();
  auto priced = engine::price_run(run, table, {});
  CHECK(priced[0].draw_std_error_usd[0] == Approx(25).epsilon(1e-12));  // sd 35.36 / sqrt(2)
  CHECK(engine::monthly_cost_std_error(priced[0]) == Approx(25).epsilon(1e-12));
  auto report = engine::build_run_report({{}, run, priced, table, {}, std::nullopt});
  CHECK(report.designs[0].monthly_cost_usd.draw_std_error == Approx(25).epsilon(1e-12));
  // And each line item's, from the same batches (a line's batch costs $25 and $75 here too).
  REQUIRE(report.designs[0].lines.size() == 1);
  REQUIRE(priced[0].lines[0].draw_std_error_usd.size() == 1);
  CHECK(priced[0].lines[0].draw_std_error_usd[0] == Approx(25).epsilon(1e-12));
  CHECK(report.designs[0].lines[0].cost_usd_std_error == Approx(25).epsilon(1e-12));
  CHECK_FALSE(engine::run_converged(priced, 0.99));  // one draw never meets the stop rule
}

TEST_CASE("unpriced meters are listed for a positioned error") {
  auto run = two_designs();
  add_draw(run.designs[1], 3, 1e6, {{"sns.publishes", 5}});
  CHECK(engine::unpriced_meters(run.designs[1], small_table()) == std::vector<std::string>{"sns.publishes"});
  CHECK(engine::unpriced_meters(run.designs[0], small_table()).empty());
}

TEST_CASE("pricing more draws incrementally gives the same result as pricing them all at once") {
  auto run = two_designs();
  auto table = small_table();
  sim::RunResult first = run;
  for (auto& d : first.designs) d.draws.resize(1);
  std::vector<engine::PricedDesign> priced;
  engine::update_priced_run(priced, first, table, {});
  // Design iot's first draw has lambda.requests only; so do the later ones: priced incrementally.
  engine::update_priced_run(priced, run, table, {});
  auto full = engine::price_run(run, table, {});
  for (std::size_t i = 0; i < full.size(); ++i) {
    CHECK(priced[i].monthly_cost_usd == full[i].monthly_cost_usd);
    CHECK(priced[i].meters == full[i].meters);
    REQUIRE(priced[i].lines.size() == full[i].lines.size());
    CHECK(priced[i].lines[0].cost_usd == full[i].lines[0].cost_usd);
  }
  // A later draw bringing a new meter adds its line to the earlier draws with 0, exactly what pricing every
  // draw again gives (and their batch totals are no longer needed).
  add_draw(run.designs[0], 3, 4e6, {{"sfn.standard.transitions", 4e6}, {"lambda.requests", 1e6}});
  add_draw(run.designs[1], 3, 4e6, {{"lambda.requests", 1e6}});
  const auto again = engine::price_run(run, table, {});
  sim::release_batch_totals(run, 3);
  engine::update_priced_run(priced, run, table, {});
  CHECK(priced[0].meters == std::vector<std::string>{"sfn.standard.transitions", "lambda.requests"});
  REQUIRE(priced[0].lines.size() == 2);
  CHECK(priced[0].lines[1].cost_usd == std::vector<double>{0, 0, 0, 0.2});
  CHECK(priced[0].lines[1].quantity == std::vector<double>{0, 0, 0, 1e6});
  CHECK(priced[0].monthly_cost_usd == again[0].monthly_cost_usd);
  CHECK(priced[0].draw_std_error_usd == again[0].draw_std_error_usd);
  CHECK(priced[0].lines[0].cost_usd == again[0].lines[0].cost_usd);
  CHECK(priced[0].lines[1].cost_usd == again[0].lines[1].cost_usd);
}
