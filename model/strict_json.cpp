#include "model/strict_json.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <string>

#include "model/line_index.h"

namespace flowcost::model {

namespace {

// Accepts every value and keeps nothing: only the syntax matters. nlohmann's SAX parser is iterative,
// so deep nesting cannot overflow the stack (the document tree has its own depth limit).
struct SyntaxOnly : nlohmann::json_sax<nlohmann::json> {
  std::size_t error_offset = 0;
  std::string error_text;

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) override {
    error_offset = position;
    error_text = e.what();
    return false;
  }
};

}  // namespace

std::string json_problem(std::string text) {
  if (text.rfind("[json.exception", 0) == 0)
    if (auto close = text.find("] "); close != std::string::npos) text.erase(0, close + 2);
  if (text.rfind("parse error", 0) == 0)
    if (auto colon = text.find(": "); colon != std::string::npos) text.erase(0, colon + 2);
  const std::string last_read = "; last read: '";
  if (auto start = text.find(last_read); start != std::string::npos) {
    auto end = text.find("'; ", start + last_read.size());
    text.erase(start, end == std::string::npos ? std::string::npos : end + 1 - start);
  }
  return text;
}

bool is_json_path(std::string_view path) {
  if (path.size() < 5) return false;
  std::string_view ext = path.substr(path.size() - 5);
  return std::equal(ext.begin(), ext.end(), ".json", [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == b;
  });
}

bool check_strict_json(const SourceFile& file, Diagnostics& diags) {
  SyntaxOnly handler;
  const bool ok = nlohmann::json::sax_parse(file.text, &handler, nlohmann::json::input_format_t::json,
                                            /*strict=*/true, /*ignore_comments=*/false);
  if (ok) return true;
  // `position` counts the characters read, the offending one included.
  const std::size_t offset = handler.error_offset > 0 ? handler.error_offset - 1 : 0;
  diags.error(LineIndex(file.text).location_of(file.path, offset), "invalid JSON: " + json_problem(handler.error_text));
  return false;
}

}  // namespace flowcost::model
