#pragma once
// Reading an input file whole, with the checks every loader needs: it exists, it is not too large, it is
// text (UTF-8, no NUL bytes). Also the SHA-256 that reports carry for every input.
#include <cstddef>
#include <string>

namespace flowcost::model {

struct SourceFile {
  std::string path;  // as given by the user (used in diagnostics)
  std::string text;
};

inline constexpr std::size_t kMaxInputFileBytes = 16u * 1024u * 1024u;

// Throws InputError: missing or unreadable file, a directory, larger than `max_bytes`, NUL bytes
// (binary), malformed UTF-8 (at the line and column of the first bad byte). A UTF-8 BOM is dropped.
SourceFile read_source_file(const std::string& path, std::size_t max_bytes = kMaxInputFileBytes);

// The same checks on text already in memory (for tests and stdin).
SourceFile make_source_file(std::string path, std::string text, std::size_t max_bytes = kMaxInputFileBytes);

// Lower-case hexadecimal SHA-256 of the bytes.
std::string sha256_hex(const std::string& bytes);

}  // namespace flowcost::model
