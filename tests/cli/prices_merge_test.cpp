// `flowcost prices merge` end to end: standard output, -o (never over an input), a region mismatch.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "run_cli_helpers.h"

using namespace flowcost::testing;

namespace {

const std::string kDir = std::string(FLOWCOST_TEST_DATA) + "/pricing/merge/";

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string golden() {
  std::string text = read_text(kDir + "merged.golden.yaml");
  for (auto at = text.find("@DATA@"); at != std::string::npos; at = text.find("@DATA@", at + kDir.size()))
    text.replace(at, 6, kDir);
  return text;
}

}  // namespace

TEST_CASE("prices merge: standard output and -o give the golden table; an input is never overwritten") {
  CliResult r = run_flowcost({"prices", "merge", kDir + "base.yaml", kDir + "overlay.yaml"});
  CHECK(r.code == 0);
  CHECK(r.err == "");
  CHECK(r.out == golden());
  const auto dir = scratch_folder("prices_merge");
  const std::string out = (dir / "merged.yaml").string();
  CliResult w = run_flowcost({"prices", "merge", kDir + "base.yaml", kDir + "overlay.yaml", "-o", out});
  CHECK(w.code == 0);
  CHECK(read_text(out) == golden());
  CliResult check = run_flowcost({"prices", "check", out});
  CHECK(check.code == 0);
  const std::string before = read_text(kDir + "base.yaml");
  CliResult over = run_flowcost({"prices", "merge", kDir + "base.yaml", kDir + "overlay.yaml", "-o", kDir + "base.yaml"});
  CHECK(over.code == 1);
  CHECK(read_text(kDir + "base.yaml") == before);
  std::filesystem::remove_all(dir);
}

TEST_CASE("prices merge: tables of different regions need --force") {
  CliResult r = run_flowcost({"prices", "merge", kDir + "base.yaml", kDir + "other_region.yaml"});
  CHECK(r.code == 1);
  CHECK(r.out == "");
  CHECK(r.err == "flowcost: error: overlay " + kDir + "other_region.yaml is for region eu-west-1, the base " + kDir +
                     "base.yaml for us-east-1 (use --force to merge tables of different regions)\n");
  CliResult f = run_flowcost({"prices", "merge", "--force", kDir + "base.yaml", kDir + "other_region.yaml"});
  CHECK(f.code == 0);
  CHECK(f.out.find("\nregion: us-east-1\n") != std::string::npos);
}
