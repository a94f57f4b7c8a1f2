// The shipped Step Functions scenarios load, compile and simulate with the properties their comments state.
#include "sfn_test_util.h"

using flowcost::sim::ExecutionRecord;
using flowcost::sim::Meter;
using flowcost::sim::Outcome;
using namespace flowcost::sfn_test;

namespace {

std::string scenario(const std::string& name) { return std::string(FLOWCOST_SOURCE_DIR) + "/scenarios/" + name; }
constexpr std::uint64_t kN = 5000;
double bernoulli_se(double p) { return std::sqrt(p * (1 - p) / static_cast<double>(kN)); }

}  // namespace

TEST_CASE("scenario article-choice: the Fail share is P($.foo not in {1, 2})") {
  auto l = load(scenario("article-choice.yaml"), "article-choice");
  REQUIRE(l->diags.error_count() == 0);
  REQUIRE(l->sim);
  auto runs = simulate(*l, kN, 1, 0);
  auto failed = [&](const ExecutionRecord& r) { return runs.error(r) == "DefaultStateError" ? 1.0 : 0.0; };
  CHECK(runs.mean(failed) == Approx(0.2).margin(4 * bernoulli_se(0.2)));
  for (const auto& r : runs.records) {
    const bool fail = r.outcome == Outcome::failed;
    CHECK(r.meters.get(Meter::sfn_standard_transitions) == (fail ? 3 : 4));
    CHECK(r.meters.get(Meter::lambda_requests) == (fail ? 1 : 3));
  }
}

TEST_CASE("scenario media-transcode: media too long for Lambda is caught and continued on Batch") {
  auto l = load(scenario("media-transcode.yaml"), "media-transcode");
  REQUIRE(l->diags.error_count() == 0);
  REQUIRE(l->sim);
  auto runs = simulate(*l, kN, 1, 0);
  // P(transcode > 840 s) for a lognormal with median 162 s and p95 810 s: 0.04628.
  const double p = 0.04628233138530348;
  auto caught = [](const ExecutionRecord& r) { return r.caught_errors > 0 ? 1.0 : 0.0; };
  CHECK(runs.mean(caught) == Approx(p).margin(4 * bernoulli_se(p)));
  for (const auto& r : runs.records) {
    CHECK(r.outcome == Outcome::succeeded);
    // Analyze, ExtractMetadata, DetectLabels, Transcode, SaveResults; + TranscodeOnBatch; + one per retry.
    CHECK(r.meters.get(Meter::sfn_standard_transitions) ==
          5 + static_cast<std::int64_t>(r.caught_errors + r.retries));
    CHECK(r.meters.get(Meter::s3_put_requests) == 1);
    CHECK(r.meters.get(Meter::rekognition_images) == 1);
    CHECK(r.meters.get(Meter::dynamodb_write_request_units) == 2);
    CHECK((r.meters.get(Meter::fargate_vcpu_seconds) > 0) == (r.caught_errors > 0));
    if (r.caught_errors > 0) CHECK(r.meters.get(Meter::fargate_vcpu_seconds) >= 4 * 1000 * 60'000);  // 1-min minimum
  }
}

TEST_CASE("scenario promotion-approval: days of waiting, one transition; expiries at P(wait > 7 d)") {
  auto l = load(scenario("promotion-approval.yaml"), "promotion-approval");
  REQUIRE(l->diags.error_count() == 0);
  REQUIRE(l->sim);
  auto runs = simulate(*l, kN, 1, 0);
  const double p_expired = 0.01047612074141127;  // lognormal median 1 d, p95 4 d beyond 7 d
  auto expired = [&](const ExecutionRecord& r) { return runs.error(r) == "Approval.Expired" ? 1.0 : 0.0; };
  CHECK(runs.mean(expired) == Approx(p_expired).margin(4 * bernoulli_se(p_expired)));
  double answered = 0, approved = 0;
  for (const auto& r : runs.records) {
    const auto transitions = r.meters.get(Meter::sfn_standard_transitions) - static_cast<std::int64_t>(r.retries);
    CHECK(r.meters.get(Meter::sqs_requests) == 1);
    if (r.outcome == Outcome::failed) {
      CHECK(transitions == 7);
      CHECK(r.latency_ms >= 7.0 * 24 * 3600 * 1000);
      continue;
    }
    answered += 1;
    if (transitions == 9) approved += 1;
    else CHECK(transitions == 8);
  }
  const double se = std::sqrt(0.7 * 0.3 / answered);
  CHECK(approved / answered == Approx(0.7).margin(4 * se));
}
