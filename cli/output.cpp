#include "cli/output.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <ostream>

#include "model/errors.h"

namespace flowcost::cli {

namespace fs = std::filesystem;

namespace {

// The temporary file next to `path` that write_output renames into place; checks of `path` first.
fs::path temporary_for(const std::string& path, const std::vector<std::string>& inputs) {
  std::error_code ec;
  for (const auto& input : inputs) {
    if (fs::exists(path, ec) && fs::equivalent(path, input, ec))
      throw model::InputError({path, 0, 0}, "refusing to overwrite input file " + input);
  }
  fs::path target(path);
  if (fs::is_directory(target, ec)) throw model::InputError({path, 0, 0}, "output path is a directory");
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  if (!fs::is_directory(dir, ec)) throw model::InputError({path, 0, 0}, "output folder does not exist");
  return dir / ("." + target.filename().string() + ".tmp" + std::to_string(::getpid()));
}

}  // namespace

void check_output(const std::string& path, const std::vector<std::string>& inputs) {
  if (path.empty() || path == "-") return;
  const fs::path tmp = temporary_for(path, inputs);
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) throw model::InputError({path, 0, 0}, "cannot write output file");
  }
  std::error_code ec;
  fs::remove(tmp, ec);
}

void write_output(const std::string& path, const std::string& content, std::ostream& out,
                  const std::vector<std::string>& inputs) {
  if (path.empty() || path == "-") {
    out << content;
    out.flush();
    return;
  }
  std::error_code ec;
  const fs::path target(path);
  const fs::path tmp = temporary_for(path, inputs);
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) throw model::InputError({path, 0, 0}, "cannot write output file");
    f << content;
    f.flush();
    if (!f) {
      f.close();
      fs::remove(tmp, ec);
      throw model::InputError({path, 0, 0}, "cannot write output file");
    }
  }
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw model::InputError({path, 0, 0}, "cannot write output file");
  }
}

}  // namespace flowcost::cli
