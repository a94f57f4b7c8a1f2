#include "model/source_file.h"

#include <nettle/sha2.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <vector>

#include "model/errors.h"
#include "model/line_index.h"

namespace flowcost::model {

namespace {

std::string human_bytes(std::size_t n) {
  if (n >= 1024u * 1024u) return std::to_string(n / (1024u * 1024u)) + " MB";
  if (n >= 1024u) return std::to_string(n / 1024u) + " KB";
  return std::to_string(n) + " B";
}

// Validates UTF-8; on failure returns the byte offset of the first bad sequence.
std::size_t find_bad_utf8(const std::string& s) {
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { ++i; continue; }
    std::size_t len = 0;
    unsigned cp = 0;
    if ((c >> 5) == 0x6) { len = 2; cp = c & 0x1F; }
    else if ((c >> 4) == 0xE) { len = 3; cp = c & 0x0F; }
    else if ((c >> 3) == 0x1E) { len = 4; cp = c & 0x07; }
    else return i;
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc >> 6) != 0x2) return i;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are malformed.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
      return i;
    i += len;
  }
  return std::string::npos;
}

}  // namespace

SourceFile make_source_file(std::string path, std::string text, std::size_t max_bytes) {
  if (text.size() > max_bytes)
    throw InputError({path, 0, 0}, "file is too large (" + human_bytes(text.size()) + "; the limit is " +
                                       human_bytes(max_bytes) + ")");
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  if (auto nul = text.find('\0'); nul != std::string::npos)
    throw InputError(LineIndex(text).location_of(path, nul), "file is binary, not text (NUL byte)");
  if (auto bad = find_bad_utf8(text); bad != std::string::npos)
    throw InputError(LineIndex(text).location_of(path, bad), "malformed UTF-8");
  return {std::move(path), std::move(text)};
}

SourceFile read_source_file(const std::string& path, std::size_t max_bytes) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) throw InputError({path, 0, 0}, "no such file");
  if (std::filesystem::is_directory(status)) throw InputError({path, 0, 0}, "is a directory, not a file");
  std::optional<std::size_t> known_size;
  if (std::filesystem::is_regular_file(status)) {
    auto size = std::filesystem::file_size(path, ec);
    if (!ec) known_size = static_cast<std::size_t>(std::min<std::uintmax_t>(size, max_bytes));
    if (!ec && size > max_bytes)
      throw InputError({path, 0, 0}, "file is too large (" + human_bytes(size) + "; the limit is " +
                                         human_bytes(max_bytes) + ")");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({path, 0, 0}, "cannot open file for reading");
  // The cap holds while reading: a device (/dev/zero), a pipe or a file that grows has no size to check
  // beforehand. One byte past the cap is enough to know. The bytes go straight into the text: a regular
  // file in one read of its size and one byte more (which finds it grown), anything else in chunks.
  constexpr std::size_t kChunkBytes = 64 * 1024;
  std::size_t want = known_size ? *known_size + 1 : kChunkBytes;
  std::string text;
  while (in) {
    const std::size_t had = text.size();
    text.resize(had + want);
    in.read(text.data() + had, static_cast<std::streamsize>(want));
    const auto got = static_cast<std::size_t>(in.gcount());
    text.resize(had + got);
    if (text.size() > max_bytes)
      throw InputError({path, 0, 0}, "file is too large (more than " + human_bytes(max_bytes) + " read; the limit is " +
                                         human_bytes(max_bytes) + ")");
    if (got < want) break;
    want = kChunkBytes;
  }
  if (in.bad()) throw InputError({path, 0, 0}, "cannot read file");
  return make_source_file(path, std::move(text), max_bytes);
}

SourceFile read_named_file(const std::string& path, const SourceLocation& named_at, std::size_t max_bytes) {
  try {
    return read_source_file(path, max_bytes);
  } catch (const InputError& e) {
    std::vector<Diagnostic> moved;
    for (Diagnostic d : e.diagnostics()) {
      if (!d.where.known() && named_at.known()) {
        d.message = "cannot read \"" + path + "\": " + d.message;
        d.where = named_at;
      }
      moved.push_back(std::move(d));
    }
    throw InputError(std::move(moved));
  }
}

// Nettle's SHA-256 (nettle-dev): a plain function call. OpenSSL 3's EVP interface, used before, set up its
// provider machinery on the first digest, about 5 ms of every command's serial start (docs/performance.md).
std::string sha256_hex(const std::string& bytes) {
  sha256_ctx ctx;
  sha256_init(&ctx);
  sha256_update(&ctx, bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()));
  std::uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&ctx, SHA256_DIGEST_SIZE, digest);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < SHA256_DIGEST_SIZE; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 0xF];
  }
  return out;
}

}  // namespace flowcost::model
