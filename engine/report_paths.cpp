#include "engine/report_paths.h"

#include <filesystem>
#include <system_error>
#include <vector>

#include "pricing/table_loader.h"

namespace flowcost::engine {

namespace fs = std::filesystem;

namespace {

fs::path absolute_normal(const std::string& path) {
  std::error_code ec;
  fs::path abs = fs::absolute(fs::path(path), ec);
  return (ec ? fs::path(path) : abs).lexically_normal();
}

// The shipped table `path` is (same file), if any, among `shipped` (pricing::shipped_table_names()):
// "shipped:NAME.yaml".
std::string shipped_name(const std::string& path, const std::vector<std::string>& shipped) {
  for (const auto& name : shipped) {
    std::error_code ec;
    if (fs::equivalent(fs::path(pricing::shipped_table_path(name)), fs::path(path), ec) && !ec)
      return "shipped:" + name + ".yaml";
  }
  return "";
}

}  // namespace

std::string path_from_scenario(const std::string& path, const std::string& scenario_path) {
  if (scenario_path.empty() || path.empty()) return path;
  const fs::path folder = absolute_normal(scenario_path).parent_path();
  const fs::path relative = absolute_normal(path).lexically_relative(folder);
  return relative.empty() ? fs::path(path).generic_string() : relative.generic_string();
}

model::InputFiles files_from_scenario(const model::InputFiles& files, const std::string& scenario_path) {
  model::InputFiles out;
  const std::vector<std::string> shipped_tables = pricing::shipped_table_names();
  for (const auto& [path, sha256] : files) {
    std::string shipped = shipped_name(path, shipped_tables);
    out[shipped.empty() ? path_from_scenario(path, scenario_path) : shipped] = sha256;
  }
  return out;
}

}  // namespace flowcost::engine
