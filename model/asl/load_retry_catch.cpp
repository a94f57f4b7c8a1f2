// Retry and Catch (docs/sources.md#asl-errors, #asl-retry, #asl-catch, #asl-validation (rule 7)): ErrorEquals names,
// States.ALL alone and last,
// retrier ranges and defaults, catcher Next / ResultPath / Output / Assign.
#include <algorithm>
#include <map>
#include <vector>

#include "model/asl/load_context.h"
#include "model/suggest.h"

namespace flowcost::model::asl {

const std::vector<std::string>& step_functions_error_names() {
  static const std::vector<std::string> names = {
      "States.ALL", "States.Timeout", "States.HeartbeatTimeout", "States.TaskFailed", "States.Permissions",
      "States.ResultPathMatchFailure", "States.ParameterPathFailure", "States.IntrinsicFailure",
      "States.QueryEvaluationError", "States.BranchFailed", "States.NoChoiceMatched",
      "States.ExceedToleratedFailureThreshold", "States.ItemReaderFailed", "States.ResultWriterFailed",
      "States.Runtime", "States.DataLimitExceeded", "States.Http.Socket"};
  return names;
}

namespace {

// Reads ErrorEquals; reports empty lists and States.ALL not alone.
std::vector<Located> error_equals(const FieldReader& r) {
  std::vector<Located> out;
  if (!r.require("ErrorEquals")) return out;
  const Member* m = r.member("ErrorEquals");
  if (!m->value.is_sequence()) {
    r.type_error(*m, "an array of error names");
    return out;
  }
  if (m->value.items.empty()) r.error(m->value.loc, "\"ErrorEquals\" must name at least one error");
  for (const auto& item : m->value.items) {
    if (!item.is_string()) {
      r.error(item.loc, "error names must be strings, not a " + item.type_name());
      continue;
    }
    const std::string& name = item.text;  // an unknown "States." name is W14 (validate_error_names.cpp)
    out.push_back(Located{name, item.loc});
  }
  bool has_all = false;
  for (const auto& e : out) has_all = has_all || e.value == "States.ALL";
  if (has_all && m->value.items.size() > 1)
    r.error(m->value.loc, "\"States.ALL\" must be the only name in \"ErrorEquals\"");
  return out;
}

bool names_all(const std::vector<Located>& names) {
  for (const auto& e : names)
    if (e.value == "States.ALL") return true;
  return false;
}

// States.ALL only in the last entry; warns about names an earlier entry already matches.
template <typename Entry>
void check_order(const FieldReader& r, const std::vector<Entry>& entries, const char* what) {
  std::map<std::string, std::size_t> first_index;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto& names = entries[i].error_equals;
    if (names_all(names) && i + 1 < entries.size())
      r.error(names.front().loc, std::string("\"States.ALL\" must be in the last ") + what);
    for (const auto& e : names) {
      auto [it, inserted] = first_index.emplace(e.value, i);
      if (!inserted && it->second != i)
        r.warning(e.loc, quoted(e.value) + " is already matched by " + what + " " + std::to_string(it->second + 1) +
                             ", so this one never handles it");
    }
  }
}

}  // namespace

void load_retriers(const FieldReader& state, const Member& field, std::vector<Retrier>& out) {
  if (!field.value.is_sequence()) {
    state.type_error(field, "an array of retriers");
    return;
  }
  for (const auto& n : field.value.items) {
    FieldReader r(n, state.prefix(), state.diags());
    if (!n.is_mapping()) {
      r.error(n.loc, "a retrier must be an object, not a " + n.type_name());
      continue;
    }
    r.check_keys({"ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds",
                  "JitterStrategy", "Comment"},
                 "retrier field");
    Retrier t;
    t.loc = n.loc;
    t.error_equals = error_equals(r);
    if (auto v = r.integer("IntervalSeconds", 1, 99999999)) t.interval_seconds = static_cast<double>(*v);
    if (auto v = r.integer("MaxAttempts", 0, 99999999)) t.max_attempts = *v;
    if (auto v = r.number("BackoffRate", 1.0, std::nullopt)) t.backoff_rate = *v;
    if (auto v = r.integer("MaxDelaySeconds", 1, 31622400)) t.max_delay_seconds = static_cast<double>(*v);
    if (auto j = r.enumeration("JitterStrategy", {"FULL", "NONE"}))
      t.jitter = j->value == "FULL" ? Retrier::Jitter::full : Retrier::Jitter::none;
    r.string("Comment");
    out.push_back(std::move(t));
  }
  check_order(state, out, "retrier");
}

void load_catchers(const FieldReader& state, const Member& field, QueryLanguage language, std::vector<Catcher>& out) {
  if (!field.value.is_sequence()) {
    state.type_error(field, "an array of catchers");
    return;
  }
  for (const auto& n : field.value.items) {
    FieldReader r(n, state.prefix(), state.diags());
    if (!n.is_mapping()) {
      r.error(n.loc, "a catcher must be an object, not a " + n.type_name());
      continue;
    }
    std::vector<std::string> keys = {"ErrorEquals", "Next", "Assign", "Comment"};
    keys.push_back(language == QueryLanguage::jsonata ? "Output" : "ResultPath");
    for (const auto& m : n.members) {
      if (std::find(keys.begin(), keys.end(), m.key) != keys.end()) continue;
      if (m.key == "ResultPath" || m.key == "Output")
        r.error(m.key_loc, quoted(m.key) + " is a " + (m.key == "Output" ? "JSONata" : "JSONPath") +
                               " field, but the state uses " + (m.key == "Output" ? "JSONPath" : "JSONata"));
      else r.error(m.key_loc, unknown_name_message("catcher field", m.key, keys));
    }
    Catcher c;
    c.loc = n.loc;
    c.error_equals = error_equals(r);
    if (r.require("Next")) {
      if (auto next = r.non_empty_string("Next")) c.next = *next;
    }
    if (language == QueryLanguage::jsonpath) c.result_path = nullable_path_field(r, "ResultPath", PathKind::result);
    else c.output = template_field(r, "Output", language);
    c.assign = assign_field(r, language);
    r.string("Comment");
    out.push_back(std::move(c));
  }
  check_order(state, out, "catcher");
}

}  // namespace flowcost::model::asl
