// run_cli builds only the verb its first argument names (cli/app.cpp): each verb must then be the one that
// name builds, and every other first argument still sees them all.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "run_cli_helpers.h"

using flowcost::testing::CliResult;
using flowcost::testing::run_flowcost;

namespace {

const std::vector<std::string> kVerbs = {"validate", "quote",   "prices", "run",   "batch", "explain", "sweep",
                                         "tornado",  "advise", "fit",    "merge", "diff",  "report"};

}  // namespace

TEST_CASE("each verb, named first, is built and parses its own options") {
  for (const std::string& verb : kVerbs) {
    INFO(verb);
    CliResult help = run_flowcost({verb, "--help"});
    CHECK(help.code == 0);
    CHECK(help.out.find("Usage: " + verb + " [OPTIONS]") != std::string::npos);
    CHECK(help.err.empty());
    // The verb's own parser reports its missing arguments or an option it lacks.
    CliResult bad = run_flowcost({verb, "--no-such-option"});
    CHECK(bad.code == 1);
    CHECK(bad.err.rfind("flowcost: error: ", 0) == 0);
  }
}

TEST_CASE("without a verb first, every verb is built: help lists them all, an unknown word is refused") {
  CliResult help = run_flowcost({"--help"});
  CHECK(help.code == 0);
  for (const std::string& verb : kVerbs) {
    INFO(verb);
    CHECK(help.out.find("\n  " + verb + " ") != std::string::npos);
  }
  CliResult typo = run_flowcost({"rnu", "x.yaml"});
  CHECK(typo.code == 1);
  CHECK(typo.err == "flowcost: error: unknown command \"rnu\"; did you mean \"run\"?\nRun 'flowcost --help' for usage.\n");
  CliResult version = run_flowcost({"--version"});
  CHECK(version.code == 0);
  CHECK(version.out == "flowcost " FLOWCOST_VERSION "\n");
}
