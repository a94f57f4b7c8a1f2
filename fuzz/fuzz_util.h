#pragma once
// Shared by the fuzz targets: the input as text, and a scratch folder for loaders that read files by
// path. A model::InputError is the expected end of bad input; anything else (InternalError, another
// exception, a sanitizer report, a crash) escapes and libFuzzer reports it.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

namespace flowcost::fuzz {

inline std::string text_of(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// A folder of this process under the system temporary folder, created once.
inline const std::filesystem::path& scratch() {
  static const std::filesystem::path dir = [] {
    auto d = std::filesystem::temp_directory_path() / ("flowcost-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}

// Writes `text` to `name` in the scratch folder and returns its path.
inline std::string scratch_file(const std::string& name, const std::string& text) {
  auto path = scratch() / name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  return path.string();
}

}  // namespace flowcost::fuzz
