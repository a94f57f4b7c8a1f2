// The examples the documentation shows still do what the documentation says: the walkthrough's files
// validate, and its scenario runs and compares the two designs the way docs/walkthrough.md describes.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "run_cli_helpers.h"

namespace {

using flowcost::testing::run_flowcost;

const std::string kDir = std::string(FLOWCOST_SOURCE_DIR) + "/docs/walkthrough/";

}  // namespace

TEST_CASE("docs: the walkthrough's definition and scenario validate") {
  auto r = run_flowcost({"validate", kDir + "orders.asl.json", kDir + "orders.yaml"});
  CHECK(r.code == 0);
  CHECK(r.out == kDir + "orders.asl.json: valid\n" + kDir + "orders.yaml: valid\n");
  CHECK(r.err == "");
}

TEST_CASE("docs: the walkthrough's scenario prices both designs and compares them") {
  auto r = run_flowcost({"run", kDir + "orders.yaml", "--draws", "10", "--executions", "2000", "--threads", "2"});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("standard: $") != std::string::npos);
  CHECK(r.out.find("standard-x86: $") != std::string::npos);
  // x86 at twice the memory with the same durations costs more in every draw.
  CHECK(r.out.find("standard-x86 costs") != std::string::npos);
  CHECK(r.out.find("cheaper in 0% of draws") != std::string::npos);
  // Declines are caught by the Catch and end in the Fail state.
  CHECK(r.out.find("failed (CardDeclined") != std::string::npos);
}

TEST_CASE("docs: the walkthrough's fitted scenario validates, and fit reproduces its fragment's values") {
  const std::string prod = kDir + "production/";
  const auto dir = flowcost::testing::scratch_folder("docs_fit");
  auto v = run_flowcost({"validate", prod + "orders-fitted.yaml"});
  CHECK(v.code == 0);
  CHECK(v.out == prod + "orders-fitted.yaml: valid\n");
  auto f = run_flowcost({"fit", prod + "charge.log", "--function", "Charge", prod + "histories", "--definition",
                         kDir + "orders.asl.json", "--format", "json", "-o", (dir / "fit.json").string()});
  REQUIRE(f.code == 0);
  std::ifstream in(dir / "fit.json");
  std::stringstream text;
  text << in.rdbuf();
  f.out = text.str();
  // The values docs/walkthrough.md shows and orders-fitted.yaml holds.
  CHECK(f.out.find("\"chosen\": \"lognormal\"") != std::string::npos);
  CHECK(f.out.find("\"mu\": 5.9572572083359026") != std::string::npos);
  CHECK(f.out.find("\"sigma\": 0.566159086231866") != std::string::npos);
  CHECK(f.out.find("\"cold_start_probability\": 0.025") != std::string::npos);
}
