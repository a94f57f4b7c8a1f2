#pragma once
// Typed access to the fields of one ASL object (a state, a retrier, a choice rule, ...): every read checks
// the value's type and range and reports a positioned error with the owner's prefix (`state "X": `), so
// that loaders never throw and keep going after a bad field.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/asl/state_machine.h"
#include "model/diagnostics.h"
#include "model/document.h"

namespace flowcost::model::asl {

// "\"name\"" for messages.
std::string quoted(std::string_view name);

// True when `s` is a JSONata expression string: it starts with "{%" and ends with "%}".
bool is_jsonata_text(std::string_view s);
// The expression between "{%" and "%}" (not trimmed).
std::string jsonata_body(std::string_view s);

// `must be "A" or "B"` / `must be one of "A", "B", "C"`.
std::string one_of_text(const std::vector<std::string>& choices);

class FieldReader {
 public:
  FieldReader(const Node& object, std::string prefix, Diagnostics& diags)
      : object_(object), prefix_(std::move(prefix)), diags_(diags) {}

  const Node& object() const { return object_; }
  const std::string& prefix() const { return prefix_; }
  Diagnostics& diags() const { return diags_; }

  const Member* member(std::string_view key) const { return object_.find_member(key); }
  bool has(std::string_view key) const { return member(key) != nullptr; }

  void error(const SourceLocation& where, const std::string& message) const {
    diags_.error(where, prefix_ + message);
  }
  void warning(const SourceLocation& where, const std::string& message) const {
    diags_.warning(where, prefix_ + message);
  }
  // `"KEY" must be a TYPE, not a number` at the value.
  void type_error(const Member& m, std::string_view expected) const;

  std::optional<Located> string(std::string_view key) const;
  std::optional<Located> non_empty_string(std::string_view key) const;
  std::optional<bool> boolean(std::string_view key) const;
  std::optional<std::int64_t> integer(std::string_view key, std::int64_t min, std::int64_t max) const;
  std::optional<double> number(std::string_view key, double min, std::optional<double> max) const;
  // A string that must be one of `choices` (case-sensitive), with "did you mean".
  std::optional<Located> enumeration(std::string_view key, const std::vector<std::string>& choices) const;
  // Any value, copied.
  std::optional<Node> node(std::string_view key) const;
  // A required field: reports `missing required field "KEY"` at the object when absent.
  bool require(std::string_view key) const;
  // Reports every key not in `allowed` (`unknown WHAT "K"; did you mean ...?`) at the key.
  void check_keys(const std::vector<std::string>& allowed, std::string_view what = "field") const;
  // Both present: `"A" and "B" cannot both be given` at the second key. Returns true when both are there.
  bool exclusive(std::string_view a, std::string_view b) const;

 private:
  // A number field that is one whole `${Name}` placeholder (a DefinitionSubstitutions value): warned, and
  // read as absent.
  bool placeholder_number(const Member& m) const;

  const Node& object_;
  std::string prefix_;
  Diagnostics& diags_;
};

}  // namespace flowcost::model::asl
