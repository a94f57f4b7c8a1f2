// `--format md` of sweep, tornado, explain, quote and batch, compared byte for byte with golden files in
// tests/data/golden/markdown/ (FLOWCOST_UPDATE_GOLDEN=1 rewrites them; review the diff).
#include <catch2/catch.hpp>

#include <filesystem>

#include "golden_compare.h"
#include "run_cli_helpers.h"

using namespace flowcost::testing;
namespace fs = std::filesystem;

namespace {

void check_golden_md(const std::string& name, const CliResult& r, int code = 0) {
  INFO(r.err);
  REQUIRE(r.code == code);
  const fs::path path = fs::path(FLOWCOST_TEST_DATA) / "golden" / "markdown" / name;
  if (update_golden_requested()) write_text_file(path.string(), r.out);
  CHECK(r.out == read_text_file(path.string()));
}

const fs::path kData = FLOWCOST_TEST_DATA;

}  // namespace

TEST_CASE("sweep --format md", "[markdown]") {
  check_golden_md("sweep.md", run_flowcost_in(kData / "whatif", {"sweep", "breakeven.yaml", "--vary",
                                                                  "messages=10000..1000000:log:3", "--set",
                                                                  "devices=1000", "--format", "md"}));
}

TEST_CASE("tornado --format md", "[markdown]") {
  check_golden_md("tornado.md", run_flowcost_in(kData / "whatif", {"tornado", "breakeven.yaml", "--format", "md"}));
}

TEST_CASE("explain --format md", "[markdown]") {
  check_golden_md("explain.md", run_flowcost_in(kData / "explain", {"explain", "designs.yaml", "--format", "md"}));
}

TEST_CASE("quote --format md", "[markdown]") {
  check_golden_md("quote.md", run_flowcost({"quote", "--format", "md", "--free-tier", "sfn.standard.transitions=1000000",
                                            "sqs.requests=2e11", "s3.put_requests=1000"}));
}

TEST_CASE("batch --format md; a failed budget in any scenario exits 3", "[markdown]") {
  CliResult r = run_flowcost_in(kData / "run", {"batch", "tiny.yaml", "budgets.yaml", "--format", "md", "--draws", "3"});
  check_golden_md("batch.md", r, 3);
  CHECK(r.err.find("flowcost: over budget: tiny: rule: mean $") != std::string::npos);
}
