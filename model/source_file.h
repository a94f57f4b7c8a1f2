#pragma once
// Reading an input file whole, with the checks every loader needs: it exists, it is not too large, it is
// text (UTF-8, no NUL bytes). Also the SHA-256 that reports carry for every input.
#include <cstddef>
#include <string>

#include "model/source_location.h"

namespace flowcost::model {

struct SourceFile {
  std::string path;  // as given by the user (used in diagnostics)
  std::string text;
};

inline constexpr std::size_t kMaxInputFileBytes = 16u * 1024u * 1024u;

// Throws InputError: missing or unreadable file, a directory, larger than `max_bytes`, NUL bytes
// (binary), malformed UTF-8 (at the line and column of the first bad byte). A UTF-8 BOM is dropped.
SourceFile read_source_file(const std::string& path, std::size_t max_bytes = kMaxInputFileBytes);

// A file that another input names at `named_at` (a scenario's `definition:`, a mock config's `file:`, a
// template's DefinitionUri, an empirical CSV): when the file itself cannot be read (missing, a directory,
// too large, unreadable), the error is reported at `named_at` as `cannot read "PATH": REASON`, PATH being
// the path it resolved to; an error inside the file (malformed UTF-8, a NUL byte) keeps its own position.
SourceFile read_named_file(const std::string& path, const SourceLocation& named_at,
                           std::size_t max_bytes = kMaxInputFileBytes);

// The same checks on text already in memory (for tests and stdin).
SourceFile make_source_file(std::string path, std::string text, std::size_t max_bytes = kMaxInputFileBytes);

// Lower-case hexadecimal SHA-256 of the bytes.
std::string sha256_hex(const std::string& bytes);

}  // namespace flowcost::model
