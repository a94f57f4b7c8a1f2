#include "engine/report_paths.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <system_error>
#include <utility>
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

// A file's identity (device and inode, as std::filesystem::equivalent compares them), if it exists.
struct FileId {
  dev_t device;
  ino_t inode;
  bool operator==(const FileId&) const = default;
};

std::optional<FileId> file_id(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return FileId{st.st_dev, st.st_ino};
}

}  // namespace

std::string path_from_scenario(const std::string& path, const std::string& scenario_path) {
  if (scenario_path.empty() || path.empty()) return path;
  const fs::path folder = absolute_normal(scenario_path).parent_path();
  const fs::path relative = absolute_normal(path).lexically_relative(folder);
  return relative.empty() ? fs::path(path).generic_string() : relative.generic_string();
}

// A file that is a shipped table (the same file) is listed as "shipped:NAME.yaml"; each file is looked at
// once (one stat each, not one per pair).
model::InputFiles files_from_scenario(const model::InputFiles& files, const std::string& scenario_path) {
  std::vector<std::pair<std::string, FileId>> shipped;
  for (const auto& name : pricing::shipped_table_names())
    if (const auto id = file_id(pricing::shipped_table_path(name))) shipped.emplace_back(name, *id);
  model::InputFiles out;
  for (const auto& [path, sha256] : files) {
    const auto id = file_id(path);
    const auto same = std::find_if(shipped.begin(), shipped.end(), [&](const auto& s) { return id && s.second == *id; });
    out[same == shipped.end() ? path_from_scenario(path, scenario_path) : "shipped:" + same->first + ".yaml"] = sha256;
  }
  return out;
}

}  // namespace flowcost::engine
