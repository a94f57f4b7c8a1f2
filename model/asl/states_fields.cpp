#include "model/asl/states_fields.h"

#include <string>

#include "model/asl/jsonata_lexer.h"

namespace flowcost::model::asl {

namespace {

constexpr unsigned kResult = 1;
constexpr unsigned kErrorOutput = 2;

// The fields of `$states` that `body` reads (`$states.result` as kResult, `$states.errorOutput` as
// kErrorOutput), found by token, so that text in string literals and comments does not count.
unsigned states_fields_read(std::string_view body) {
  JsonataLexer lexer(body);
  unsigned read = 0;
  JsonataToken before_previous, previous;
  for (;;) {
    bool regex_allowed = previous.kind == JsonataToken::Kind::end ||
                         (previous.kind == JsonataToken::Kind::op && previous.text != ")" && previous.text != "]" &&
                          previous.text != "}");
    JsonataToken t = lexer.next(regex_allowed);
    if (t.kind == JsonataToken::Kind::end) break;
    if (t.kind == JsonataToken::Kind::name && previous.kind == JsonataToken::Kind::op && previous.text == "." &&
        before_previous.kind == JsonataToken::Kind::variable && before_previous.text == "states") {
      if (t.text == "result") read |= kResult;
      if (t.text == "errorOutput") read |= kErrorOutput;
    }
    before_previous = std::move(previous);
    previous = std::move(t);
  }
  return read;
}

void walk(const FieldReader& r, const Node& n, const std::string& field, unsigned allowed) {
  if (n.is_scalar()) {
    if (!n.is_string() || !is_jsonata_text(n.text)) return;
    unsigned misplaced = states_fields_read(jsonata_body(n.text)) & ~allowed;
    if (misplaced & kResult)
      r.error(n.loc, "\"$states.result\" does not exist in " + field +
                         ": only the \"Output\" and \"Assign\" of a Task, Parallel or Map state can read it");
    if (misplaced & kErrorOutput)
      r.error(n.loc, "\"$states.errorOutput\" does not exist in " + field +
                         ": only a catcher's \"Output\" and \"Assign\" can read it");
    return;
  }
  for (const auto& item : n.items) walk(r, item, field, allowed);
  for (const auto& m : n.members) walk(r, m.value, field, allowed);
}

}  // namespace

void check_states_fields(const FieldReader& r, const Node& state, StateType type) {
  bool has_result = type == StateType::task || type == StateType::parallel || type == StateType::map;
  for (const auto& m : state.members) {
    if (m.key == "ItemProcessor" || m.key == "Iterator" || m.key == "Branches") continue;  // their own states
    if (m.key == "Catch") {
      for (const auto& catcher : m.value.items)
        for (const auto& c : catcher.members)
          walk(r, c.value, "a catcher's \"" + c.key + "\"",
               c.key == "Output" || c.key == "Assign" ? kErrorOutput : 0u);
      continue;
    }
    bool output = m.key == "Output" || m.key == "Assign";
    walk(r, m.value, "\"" + m.key + "\"", output && has_result ? kResult : 0u);
  }
}

}  // namespace flowcost::model::asl
