// The examples the documentation shows still do what the documentation says: the walkthrough's files
// validate, and its scenario runs and compares the two designs the way docs/walkthrough.md describes.
#include <catch2/catch.hpp>

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
