#include <catch2/catch.hpp>

#include <cmath>

#include "model/errors.h"
#include "model/scenario/scenario.h"
#include "sim/replication.h"
#include "sim/work_crew.h"

using namespace flowcost;
using namespace flowcost::sim;

namespace {

model::Scenario load(const std::string& name) {
  model::Diagnostics d;
  auto s = model::load_scenario(std::string(FLOWCOST_TEST_DATA) + "/scenario/" + name, {}, d);
  REQUIRE_FALSE(d.has_errors());
  return s;
}

// A tiny design: one Lambda call per event (1 to 100 ms, memory_mb), one DynamoDB write of the per-event
// payload_bytes (1 KB units), 10% failures with "Fake.Error".
struct FakeExecution {
  std::int64_t billed_ms;
  std::int64_t write_units;
  bool failed;
  double latency_ms;
};

FakeExecution fake_execution(const CompiledScenarioValues& values, std::uint64_t seed, std::uint64_t draw,
                             std::uint64_t sample) {
  Stream stream(seed, draw, sample, site_key("fake.lambda"));
  double duration_ms = 1 + 99 * stream.uniform01();
  double payload = values.event_value(*values.event_item_index("payload_bytes"), seed, draw, sample);
  bool failed = stream.uniform01() < 0.1;
  return {static_cast<std::int64_t>(std::ceil(duration_ms)), static_cast<std::int64_t>(std::ceil(payload / 1024)),
          failed, duration_ms};
}

class FakeDraw : public DrawSimulator {
 public:
  FakeDraw(const CompiledScenarioValues& values, const DrawInputs& inputs, std::int64_t memory_mb)
      : values_(values), seed_(inputs.seed), draw_(inputs.draw), memory_mb_(memory_mb) {}
  void simulate(std::uint64_t sample, ExecutionRecord& out) override {
    FakeExecution e = fake_execution(values_, seed_, draw_, sample);
    out.meters.add(Meter::lambda_requests, 1);
    out.meters.add(Meter::lambda_gb_seconds_arm64, memory_mb_ * e.billed_ms);
    out.meters.add(Meter::dynamodb_write_request_units, e.write_units);
    out.latency_ms = e.latency_ms;
    out.transitions = 2;
    if (e.failed) {
      out.outcome = Outcome::failed;
      out.error_id = 1;
      out.retries = 1;
    }
  }

 private:
  const CompiledScenarioValues& values_;
  std::uint64_t seed_, draw_;
  std::int64_t memory_mb_;
};

class FakeDesign : public DesignSimulator {
 public:
  FakeDesign(std::string name, const model::Scenario& s, std::int64_t memory_mb)
      : name_(std::move(name)), values_(s), memory_mb_(memory_mb) {}
  const std::string& name() const override { return name_; }
  std::unique_ptr<DrawSimulator> prepare(const DrawInputs& inputs) const override {
    return std::make_unique<FakeDraw>(values_, inputs, memory_mb_);
  }
  const std::vector<std::string>& error_names() const override { return errors_; }
  const std::vector<std::string>& warnings() const override { return warnings_; }
  model::MeterTotals monthly_fixed(const DrawInputs& inputs) const override {
    return {{"iot.connection_minutes", inputs.values.at("devices") * 43200}};
  }

 private:
  std::string name_;
  CompiledScenarioValues values_;
  std::int64_t memory_mb_;
  std::vector<std::string> errors_{"", "Fake.Error"};
  std::vector<std::string> warnings_{"a warning"};
};

// `crew`: a crew started by the caller, used instead of `threads`.
RunResult run(const model::Scenario& s, unsigned threads, std::vector<std::pair<std::uint64_t, std::uint64_t>> calls,
              std::uint64_t executions = 5000, WorkCrew* crew = nullptr) {
  FakeDesign small("small", s, 128), large("large", s, 256);
  Replicator r(s, {&small, &large}, ReplicationOptions{s.run.seed, executions, threads, crew});
  RunResult result;
  for (auto [first, count] : calls) r.run_draws(first, count, result);
  return result;
}

void check_identical(const RunResult& a, const RunResult& b) {
  REQUIRE(a.designs.size() == b.designs.size());
  CHECK(a.simulated_executions == b.simulated_executions);
  CHECK(a.simulated_transitions == b.simulated_transitions);
  for (std::size_t d = 0; d < a.designs.size(); ++d) {
    const auto& x = a.designs[d];
    const auto& y = b.designs[d];
    REQUIRE(x.draws.size() == y.draws.size());
    for (std::size_t i = 0; i < x.draws.size(); ++i) {
      CHECK(x.draws[i].draw == y.draws[i].draw);
      CHECK(x.draws[i].monthly == y.draws[i].monthly);
      CHECK(x.draws[i].batch_monthly == y.draws[i].batch_monthly);
      CHECK(x.draws[i].latency_sum_ms == y.draws[i].latency_sum_ms);
      CHECK(x.draws[i].latency_count == y.draws[i].latency_count);
    }
    CHECK(x.meters == y.meters);
    CHECK(x.execution_totals == y.execution_totals);
    CHECK(x.latency_ms == y.latency_ms);
    CHECK(x.outcomes.failed_by_error == y.outcomes.failed_by_error);
    CHECK(x.outcomes.succeeded == y.outcomes.succeeded);
    CHECK(x.executions == y.executions);
    CHECK(x.transitions == y.transitions);
    CHECK(x.retries == y.retries);
  }
}

}  // namespace

TEST_CASE("draw inputs: distributions from their input stream, expressions in order") {
  model::Scenario s = load("replication.yaml");
  DrawInputs in = sample_draw_inputs(s, 42, 3);
  Sampler devices(s.inputs[0].value.distribution);
  Stream stream(42, 3, kInputSample, site_key("devices"));
  double expected_devices = devices.sample(stream);
  CHECK(in.seed == 42);
  CHECK(in.draw == 3);
  CHECK(in.values.at("devices") == expected_devices);
  CHECK(in.values.at("per_device") == 1000);
  CHECK(in.values.at("events_per_month") == expected_devices * 1000);
  CHECK(in.values.at("alarms") == expected_devices * 1000 * 0.01);
  CHECK(in.values.count("payload_bytes") == 0);  // per event, not per draw
  CHECK(sample_draw_inputs(s, 42, 4).values.at("devices") != expected_devices);

  CompiledScenarioValues values(s);
  REQUIRE(values.event_items().size() == 1);
  // payload_bytes, event 17: slot 17 mod 4 = 1 of the variates of group 17 / 4 = 4 at the item's own site
  // site_key("workload:payload_bytes"): word 1 of Stream(seed, draw, 4, site), continuing (if its sampler
  // needs more) in lane 2. Its position among the workload items plays no part.
  const std::uint64_t site = site_key("workload:payload_bytes");
  REQUIRE(values.event_items()[0].site == site);
  Stream block(42, 3, 4, site);
  block();
  Stream item_stream = Stream::continuing(block(), 42, 3, 4, site, 2);
  CHECK(values.event_value(0, 42, 3, 17) == values.event_items()[0].sampler.sample(item_stream));
  // Event 16, the same group's first event, reads slot 0 (word 0), continuing in lane 1.
  Stream block16(42, 3, 4, site);
  Stream item16 = Stream::continuing(block16(), 42, 3, 4, site, 1);
  CHECK(values.event_value(0, 42, 3, 16) == values.event_items()[0].sampler.sample(item16));
  CHECK(values.find_event_item("nope") == nullptr);
}

TEST_CASE("a draw with a negative events_per_month is an input error") {
  model::Scenario s = load("bad_draw.yaml");
  try {
    sample_draw_inputs(s, 1, 0);
    FAIL("expected an InputError");
  } catch (const model::InputError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    std::string head = model::diagnostic_headline(e.diagnostics()[0]);
    CHECK(head.rfind(std::string(FLOWCOST_TEST_DATA) +
                         "/scenario/bad_draw.yaml:5:21: error: events_per_month is negative in draw 0 (got -",
                     0) == 0);
  }
}

TEST_CASE("results are identical for 1, 2 and 7 threads and any split of the draws") {
  model::Scenario s = load("replication.yaml");
  RunResult one = run(s, 1, {{0, 10}});
  RunResult two = run(s, 2, {{0, 10}});
  RunResult seven = run(s, 7, {{0, 10}});
  RunResult split = run(s, 2, {{0, 5}, {5, 5}});
  RunResult odd = run(s, 3, {{0, 1}, {1, 8}, {9, 1}});
  check_identical(one, two);
  check_identical(one, seven);
  check_identical(one, split);
  check_identical(one, odd);
  CHECK(one.designs[0].draws.size() == 10);
  CHECK(one.designs[0].warnings == std::vector<std::string>{"a warning"});
  // A crew started before the run (as engine::ScenarioSession starts one), larger than the first window
  // has tasks for, and used by several calls.
  WorkCrew crew(40);
  check_identical(one, run(s, 1, {{0, 3}, {3, 7}}, 5000, &crew));
  check_identical(one, run(s, 1, {{0, 10}}, 5000, &crew));
  crew.release();  // released: every window on the calling thread, the same results
  check_identical(one, run(s, 1, {{0, 10}}, 5000, &crew));
  CHECK(one.seed == 42);
  CHECK(one.executions_per_draw == 5000);
}

TEST_CASE("monthly totals scale the per-execution mean, batches and latencies per draw") {
  model::Scenario s = load("replication.yaml");
  RunResult r = run(s, 2, {{0, 3}}, 1600);  // 16 batches of 100 executions
  CompiledScenarioValues values(s);
  const auto& small = r.designs[0];
  const auto& large = r.designs[1];
  for (std::uint64_t draw = 0; draw < 3; ++draw) {
    const DrawRecord& dr = small.draws[draw];
    const DrawInputs inputs = values.draw_inputs(42, draw);
    double events = inputs.values.at("events_per_month");
    CHECK(dr.events_per_month == events);
    CHECK(dr.executions == 1600);
    CHECK_FALSE(dr.exact);
    std::int64_t ms = 0, wru = 0, batch3_ms = 0;
    double latency_sum_ms = 0;
    for (std::uint64_t i = 0; i < 1600; ++i) {
      FakeExecution e = fake_execution(values, 42, draw, i);
      latency_sum_ms += e.latency_ms;
      ms += e.billed_ms;
      wru += e.write_units;
      if (i >= 300 && i < 400) batch3_ms += e.billed_ms;
    }
    double gb_s = 128.0 * static_cast<double>(ms) / 1024000.0;
    CHECK(small.monthly(dr, "lambda.requests") == events * (1600.0 / 1600.0));
    CHECK(small.monthly(dr, "lambda.gb_seconds.arm64") == events * (gb_s / 1600));
    CHECK(small.monthly(dr, "dynamodb.write_request_units") == events * (static_cast<double>(wru) / 1600));
    CHECK(small.monthly(dr, "iot.connection_minutes") == inputs.values.at("devices") * 43200);
    CHECK_FALSE(small.column("sqs.requests"));
    const std::size_t width = small.meters.size();
    REQUIRE(dr.monthly.size() == width);
    REQUIRE(dr.batch_monthly.size() == 16 * width);
    const std::size_t gb = *small.column("lambda.gb_seconds.arm64");
    CHECK(dr.batch_monthly[3 * width + gb] == events * (128.0 * static_cast<double>(batch3_ms) / 1024000.0 / 100));
    double batch_mean = 0;
    for (std::size_t b = 0; b < 16; ++b) batch_mean += dr.batch_monthly[b * width + gb] / 16;
    CHECK(batch_mean == Approx(dr.monthly[gb]).epsilon(1e-12));
    // Common random numbers: the 256 MB design bills exactly twice the GB-seconds, event by event.
    CHECK(large.monthly(large.draws[draw], "lambda.gb_seconds.arm64") == 2 * dr.monthly[gb]);
    CHECK(large.monthly(large.draws[draw], "dynamodb.write_request_units") ==
          small.monthly(dr, "dynamodb.write_request_units"));
    CHECK(dr.latency_count == 1600);
    CHECK(dr.latency_sum_ms == latency_sum_ms);
  }
  CHECK(small.latency_ms.count() == 3 * 1600);
  CHECK(small.executions == 4800);
  CHECK(small.transitions == 9600);
  CHECK(small.outcomes.succeeded + small.outcomes.failed == 4800);
  CHECK(small.outcomes.failed_by_error.at("Fake.Error") == small.outcomes.failed);
  CHECK(small.retries == small.outcomes.failed);
  CHECK(small.per_execution_mean("lambda.requests") == 1.0);
  CHECK(r.simulated_executions == 9600);
  // 10% failures: Binomial(4800, 0.1) within 4 standard errors.
  CHECK(std::fabs(static_cast<double>(small.outcomes.failed) - 480) <= 4 * std::sqrt(4800 * 0.1 * 0.9));
}

TEST_CASE("exact mode simulates every event of a small month and sums them") {
  model::Scenario s = load("exact.yaml");
  CompiledScenarioValues values(s);
  class Simple : public DesignSimulator {
   public:
    explicit Simple(const CompiledScenarioValues& v) : v_(v) {}
    const std::string& name() const override { return name_; }
    std::unique_ptr<DrawSimulator> prepare(const DrawInputs& inputs) const override {
      return std::make_unique<FakeDraw>(v_, inputs, 128);
    }
    const std::vector<std::string>& error_names() const override { return errors_; }
    const std::vector<std::string>& warnings() const override { return warnings_; }

   private:
    const CompiledScenarioValues& v_;
    std::string name_ = "simple";
    std::vector<std::string> errors_{"", "Fake.Error"}, warnings_;
  } design(values);
  Replicator r(s, {&design}, ReplicationOptions{3, 5000, 2});
  RunResult result;
  r.run_draws(0, 2, result);
  for (std::uint64_t draw = 0; draw < 2; ++draw) {
    const DesignResult& design = result.designs[0];
    const DrawRecord& dr = design.draws[draw];
    CHECK(dr.exact);
    CHECK(dr.executions == 3000);
    std::int64_t ms = 0, wru = 0;
    for (std::uint64_t i = 0; i < 3000; ++i) {
      FakeExecution e = fake_execution(values, 3, draw, i);
      ms += e.billed_ms;
      wru += e.write_units;
    }
    CHECK(design.monthly(dr, "lambda.requests") == 3000);
    CHECK(design.monthly(dr, "dynamodb.write_request_units") == static_cast<double>(wru));
    CHECK(design.monthly(dr, "lambda.gb_seconds.arm64") == 128.0 * static_cast<double>(ms) / 1024000.0);
    CHECK(dr.batch_monthly.size() == 16 * design.meters.size());
    CHECK(dr.latency_count == 2000);  // min(3000, 2000)
  }
  CHECK(result.designs[0].latency_ms.count() == 4000);
}

TEST_CASE("a month with no events simulates nothing and keeps the fixed monthly quantities") {
  model::Diagnostics d;
  auto s = model::load_scenario(std::string(FLOWCOST_TEST_DATA) + "/scenario/replication.yaml",
                                {{"events_per_month", "0"}}, d);
  REQUIRE_FALSE(d.has_errors());
  RunResult r = run(s, 2, {{0, 2}});
  const DrawRecord& dr = r.designs[0].draws[1];
  CHECK(dr.exact);
  CHECK(dr.executions == 0);
  CHECK(r.designs[0].meters == std::vector<std::string>{"iot.connection_minutes"});
  CHECK(dr.monthly ==
        std::vector<double>{CompiledScenarioValues(s).draw_inputs(42, 1).values.at("devices") * 43200});
  CHECK(dr.batch_monthly.empty());
  CHECK(r.designs[0].executions == 0);
  CHECK(r.designs[0].per_execution_mean("iot.connection_minutes") == 0);
  CHECK(r.designs[0].latency_ms.count() == 0);
  CHECK(dr.latency_count == 0);
}

TEST_CASE("a month of a fractional number of events costs that many: the simulated events scaled") {
  // 0.3 events a month: one event is simulated and its quantities count 0.3 times; 2.4 events: 2 simulated,
  // scaled by 2.4 / 2; 3 events: the sums of the 3.
  model::Diagnostics d;
  for (const auto& [events, simulated] : {std::pair<std::string, std::uint64_t>{"0.3", 1}, {"2.4", 2}, {"3", 3}}) {
    INFO(events);
    auto s = model::load_scenario(std::string(FLOWCOST_TEST_DATA) + "/scenario/replication.yaml",
                                  {{"events_per_month", events}}, d);
    REQUIRE_FALSE(d.has_errors());
    RunResult r = run(s, 1, {{0, 1}});
    const DesignResult& design = r.designs[0];
    const DrawRecord& dr = design.draws[0];
    CHECK(dr.exact);
    CHECK(dr.executions == simulated);
    const double scale = std::stod(events) / static_cast<double>(simulated);
    // Each simulated event makes one Lambda request.
    CHECK(design.monthly(dr, "lambda.requests") == Approx(scale * static_cast<double>(simulated)).epsilon(1e-15));
    CHECK(design.per_execution_mean("lambda.requests") == Approx(1.0).epsilon(1e-15));
  }
}

namespace {

// FakeDesign that throws an InputError naming the draw and sample when it simulates any of `failing`.
class FailingDraw : public DrawSimulator {
 public:
  FailingDraw(std::uint64_t draw, std::vector<std::pair<std::uint64_t, std::uint64_t>> failing)
      : draw_(draw), failing_(std::move(failing)) {}
  void simulate(std::uint64_t sample, ExecutionRecord& out) override {
    for (const auto& [draw, at] : failing_)
      if (draw == draw_ && at == sample)
        throw model::InputError({"fake.yaml", 1, 1},
                                "fails in draw " + std::to_string(draw) + " at sample " + std::to_string(sample));
    out.meters.add(Meter::lambda_requests, 1);
  }

 private:
  std::uint64_t draw_;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> failing_;
};

class FailingDesign : public DesignSimulator {
 public:
  explicit FailingDesign(std::vector<std::pair<std::uint64_t, std::uint64_t>> failing) : failing_(std::move(failing)) {}
  const std::string& name() const override { return name_; }
  std::unique_ptr<DrawSimulator> prepare(const DrawInputs& inputs) const override {
    return std::make_unique<FailingDraw>(inputs.draw, failing_);
  }
  const std::vector<std::string>& error_names() const override { return errors_; }
  const std::vector<std::string>& warnings() const override { return errors_; }

 private:
  std::string name_ = "failing";
  std::vector<std::pair<std::uint64_t, std::uint64_t>> failing_;
  std::vector<std::string> errors_;
};

// The message of the error run_draws(0, draws) throws; `callback_fails_after` > 0: window_merged throws once
// that many draws are merged.
std::string first_error(const model::Scenario& s, unsigned threads, std::uint64_t draws,
                        std::vector<std::pair<std::uint64_t, std::uint64_t>> failing,
                        std::size_t callback_fails_after = 0) {
  FailingDesign design(std::move(failing));
  Replicator r(s, {&design}, ReplicationOptions{s.run.seed, 5000, threads});
  RunResult result;
  try {
    r.run_draws(0, draws, result, [&](RunResult& run) {
      if (callback_fails_after > 0 && run.designs[0].draws.size() >= callback_fails_after)
        throw model::InputError({"callback", 0, 0}, "window_merged fails after " +
                                                        std::to_string(run.designs[0].draws.size()) + " draws");
    });
  } catch (const model::InputError& e) {
    return e.diagnostics().at(0).message;
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("windows: the first and the last hold at most 2 draws, the others 8") {
  CHECK(kEdgeWindow == 2);
  CHECK(kDrawWindow == 8);
  const auto windows = [](std::uint64_t count) {
    std::vector<std::uint64_t> out;
    for (std::uint64_t done = 0; done < count; done += out.back()) out.push_back(window_draws(done, count));
    return out;
  };
  CHECK(windows(1) == std::vector<std::uint64_t>{1});
  CHECK(windows(2) == std::vector<std::uint64_t>{2});
  CHECK(windows(3) == std::vector<std::uint64_t>{2, 1});
  CHECK(windows(5) == std::vector<std::uint64_t>{2, 1, 2});
  CHECK(windows(12) == std::vector<std::uint64_t>{2, 8, 2});
  CHECK(windows(19) == std::vector<std::uint64_t>{2, 8, 7, 2});
  CHECK(windows(50) == std::vector<std::uint64_t>{2, 8, 8, 8, 8, 8, 6, 2});
  for (std::uint64_t count = 1; count <= 200; ++count) {
    INFO(count);
    const auto w = windows(count);
    std::uint64_t sum = 0;
    for (std::size_t k = 0; k < w.size(); ++k) {
      CHECK(w[k] >= 1);
      CHECK(w[k] <= (k == 0 || k + 1 == w.size() ? kEdgeWindow : kDrawWindow));
      sum += w[k];
    }
    CHECK(sum == count);
  }
}

TEST_CASE("window_merged runs after each window of draws, in order, on any number of threads") {
  model::Scenario s = load("replication.yaml");
  for (unsigned threads : {1u, 2u, 7u}) {
    FakeDesign small("small", s, 128);
    Replicator r(s, {&small}, ReplicationOptions{s.run.seed, 1000, threads});
    RunResult result;
    std::vector<std::size_t> merged;
    r.run_draws(0, 19, result, [&](RunResult& run) { merged.push_back(run.designs[0].draws.size()); });
    CHECK(merged == std::vector<std::size_t>{2, 10, 17, 19});  // windows of 2, 8, 7 and 2 draws
    std::vector<std::uint64_t> draws;
    for (const auto& d : result.designs[0].draws) draws.push_back(d.draw);
    REQUIRE(draws.size() == 19);
    for (std::size_t i = 0; i < draws.size(); ++i) CHECK(draws[i] == i);
  }
}

TEST_CASE("the error reported is the one a one-thread run meets first, at any thread count") {
  model::Scenario s = load("replication.yaml");
  // 24 draws: windows [0, 2), [2, 10), [10, 18), [18, 22), [22, 24).
  for (unsigned threads : {1u, 2u, 3u}) {
    CAPTURE(threads);
    // Two failing events in one window: the earlier task's (draw 3 before draw 5).
    CHECK(first_error(s, threads, 24, {{5, 10}, {3, 4000}}) == "fails in draw 3 at sample 4000");
    // A failure in window 2 and the pricing of window 1 failing: the pricing came first.
    CHECK(first_error(s, threads, 24, {{12, 0}}, 10) == "window_merged fails after 10 draws");
    // A failure in window 2 before the pricing of window 2 would fail.
    CHECK(first_error(s, threads, 24, {{12, 0}}, 18) == "fails in draw 12 at sample 0");
    // A failure in the first window, before any pricing.
    CHECK(first_error(s, threads, 24, {{1, 7}}, 2) == "fails in draw 1 at sample 7");
    // Only the pricing of the last window fails.
    CHECK(first_error(s, threads, 24, {}, 24) == "window_merged fails after 24 draws");
  }
}
