// Which fields each state type has, in JSONPath and in JSONata (docs/sources.md#asl-common-rules, #asl-states,
// #asl-jsonata).
#include <vector>

#include "model/asl/load_context.h"
#include "model/suggest.h"

namespace flowcost::model::asl {

namespace {

enum Lang { any_lang, jsonpath_only, jsonata_only };

constexpr unsigned bit(StateType t) { return 1u << static_cast<unsigned>(t); }
constexpr unsigned P = bit(StateType::pass), T = bit(StateType::task), C = bit(StateType::choice),
                   W = bit(StateType::wait), S = bit(StateType::succeed), F = bit(StateType::fail),
                   PA = bit(StateType::parallel), M = bit(StateType::map);
constexpr unsigned ALL = P | T | C | W | S | F | PA | M;

struct FieldSpec {
  const char* name;
  unsigned types;
  Lang lang;
  const char* instead;  // the field to use in the other query language
};

constexpr FieldSpec kFields[] = {
    {"Type", ALL, any_lang, ""},
    {"Comment", ALL, any_lang, ""},
    {"QueryLanguage", ALL, any_lang, ""},
    {"Next", P | T | W | PA | M, any_lang, ""},
    {"End", P | T | W | PA | M, any_lang, ""},
    {"InputPath", ALL & ~F, jsonpath_only, "Arguments"},
    {"OutputPath", ALL & ~F, jsonpath_only, "Output"},
    {"Parameters", P | T | PA | M, jsonpath_only, "Arguments"},
    {"ResultSelector", T | PA | M, jsonpath_only, "Output"},
    {"ResultPath", P | T | PA | M, jsonpath_only, "Output"},
    {"Result", P, jsonpath_only, "Output"},
    {"Arguments", T | PA, jsonata_only, "Parameters"},
    {"Output", ALL & ~F, jsonata_only, "OutputPath"},
    {"Assign", ALL & ~(S | F), any_lang, ""},
    {"Retry", T | PA | M, any_lang, ""},
    {"Catch", T | PA | M, any_lang, ""},
    {"Resource", T, any_lang, ""},
    {"TimeoutSeconds", T, any_lang, ""},
    {"HeartbeatSeconds", T, any_lang, ""},
    {"TimeoutSecondsPath", T, jsonpath_only, "TimeoutSeconds"},
    {"HeartbeatSecondsPath", T, jsonpath_only, "HeartbeatSeconds"},
    {"Credentials", T, any_lang, ""},
    {"Choices", C, any_lang, ""},
    {"Default", C, any_lang, ""},
    {"Seconds", W, any_lang, ""},
    {"Timestamp", W, any_lang, ""},
    {"SecondsPath", W, jsonpath_only, "Seconds"},
    {"TimestampPath", W, jsonpath_only, "Timestamp"},
    {"Error", F, any_lang, ""},
    {"Cause", F, any_lang, ""},
    {"ErrorPath", F, jsonpath_only, "Error"},
    {"CausePath", F, jsonpath_only, "Cause"},
    {"Branches", PA, any_lang, ""},
    {"ItemProcessor", M, any_lang, ""},
    {"Iterator", M, any_lang, ""},
    {"ItemSelector", M, any_lang, ""},
    {"ItemReader", M, any_lang, ""},
    {"ItemBatcher", M, any_lang, ""},
    {"ResultWriter", M, any_lang, ""},
    {"MaxConcurrency", M, any_lang, ""},
    {"ToleratedFailureCount", M, any_lang, ""},
    {"ToleratedFailurePercentage", M, any_lang, ""},
    {"Label", M, any_lang, ""},
    {"ItemsPath", M, jsonpath_only, "Items"},
    {"MaxConcurrencyPath", M, jsonpath_only, "MaxConcurrency"},
    {"ToleratedFailureCountPath", M, jsonpath_only, "ToleratedFailureCount"},
    {"ToleratedFailurePercentagePath", M, jsonpath_only, "ToleratedFailurePercentage"},
    {"Items", M, jsonata_only, "ItemsPath"},
};

const FieldSpec* find_spec(std::string_view key) {
  for (const auto& f : kFields)
    if (key == f.name) return &f;
  return nullptr;
}

bool language_ok(const FieldSpec& f, QueryLanguage language) {
  return f.lang == any_lang || (f.lang == jsonpath_only) == (language == QueryLanguage::jsonpath);
}

}  // namespace

bool state_field_allowed(std::string_view key, StateType type, QueryLanguage language) {
  const FieldSpec* f = find_spec(key);
  return f && (f->types & bit(type)) && language_ok(*f, language);
}

bool check_state_fields(const FieldReader& r, StateType type, QueryLanguage language) {
  bool misspelled_transition = false;
  std::vector<std::string> allowed;
  for (const auto& f : kFields)
    if ((f.types & bit(type)) && language_ok(f, language)) allowed.emplace_back(f.name);
  for (const auto& m : r.object().members) {
    const FieldSpec* f = find_spec(m.key);
    if (!f) {
      auto near = closest_name(m.key, allowed);
      misspelled_transition = misspelled_transition || (near && (*near == "Next" || *near == "End"));
      r.error(m.key_loc, unknown_name_message("field", m.key, allowed));
      continue;
    }
    if (!(f->types & bit(type))) {
      r.error(m.key_loc, std::string("a ") + to_string(type) + " state cannot have " + quoted(m.key));
      continue;
    }
    if (!language_ok(*f, language)) {
      bool path_field = f->lang == jsonpath_only;
      std::string msg = quoted(m.key) + " is a " + (path_field ? "JSONPath" : "JSONata") +
                        " field, but the state uses " + (path_field ? "JSONata" : "JSONPath");
      std::string_view instead = f->instead;
      if (!instead.empty() && state_field_allowed(instead, type, language)) msg += "; use " + quoted(instead);
      r.error(m.key_loc, msg);
    }
  }
  return misspelled_transition;
}

}  // namespace flowcost::model::asl
