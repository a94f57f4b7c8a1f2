#pragma once
// Helpers for the command-line end-to-end tests: run_cli in-process, a scratch folder, JSON without the
// one field that varies between identical runs (performance.wall_seconds).
#include <unistd.h>

#include <filesystem>
#include <locale>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli/app.h"

namespace flowcost::testing {

struct CliResult {
  int code = 0;
  std::string out, err;
};

// Runs the command line in-process; `loc` is imbued on both streams (locale-independence tests).
inline CliResult run_flowcost(const std::vector<std::string>& args, const std::locale& loc = std::locale::classic()) {
  std::ostringstream out, err;
  out.imbue(loc);
  err.imbue(loc);
  int code = cli::run_cli(args, out, err);
  return {code, out.str(), err.str()};
}

inline std::string run_data(const std::string& name) { return std::string(FLOWCOST_TEST_DATA) + "/run/" + name; }

// Where the shipped us-east-1 table (or `table`, a copy of it with other figures on the same lines) gives
// the price of Standard transitions (`price: 0.025`), as the too-large-cost error cites it.
inline std::string transitions_price(const std::string& table = std::string(FLOWCOST_TABLES_DIR) +
                                                                 "/aws-us-east-1.yaml") {
  return table + ":18:12";
}

// A fresh, empty folder under the system temporary folder.
inline std::filesystem::path scratch_folder(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("flowcost_" + name + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// Runs the command line with `dir` as the working directory, then goes back (paths in the output then do
// not depend on where the tests run).
inline CliResult run_flowcost_in(const std::filesystem::path& dir, const std::vector<std::string>& args) {
  const std::filesystem::path before = std::filesystem::current_path();
  std::filesystem::current_path(dir);
  CliResult r = run_flowcost(args);
  std::filesystem::current_path(before);
  return r;
}

inline std::string json_without_wall_time(const std::string& text) {
  auto j = nlohmann::json::parse(text);
  j["performance"].erase("wall_seconds");
  return j.dump(2);
}

}  // namespace flowcost::testing
