#pragma once
// Internal interface between the loader's files (loader.cpp, load_state.cpp, load_choice.cpp,
// load_map.cpp, load_retry_catch.cpp, load_fields.cpp, state_fields.cpp). Not for use outside model/asl.
#include <optional>
#include <string>
#include <string_view>

#include "model/asl/field_reader.h"
#include "model/asl/jsonpath.h"
#include "model/asl/state_machine.h"
#include "model/asl/timestamp.h"
#include "model/diagnostics.h"
#include "model/document.h"

namespace flowcost::model::asl {

struct LoadContext {
  Diagnostics& diags;
  QueryLanguage machine_language = QueryLanguage::jsonpath;
};

enum class ScopeKind { top, branch, processor };

// A `{StartAt, States}` block (the caller has checked the other keys of a top-level object).
void load_scope(LoadContext& ctx, const Node& object, const std::string& prefix, ScopeKind kind, Scope& out);

// One entry of `States`.
State load_state(LoadContext& ctx, const Member& entry);

// Reports unknown fields, fields the state type does not have, and fields of the other query language.
// Returns true when an unknown field looks like a misspelled "Next" or "End".
bool check_state_fields(const FieldReader& r, StateType type, QueryLanguage language);
// True when `key` is a field of `type` in `language` (so that the loader reads it).
bool state_field_allowed(std::string_view key, StateType type, QueryLanguage language);

void load_choice(LoadContext& ctx, const FieldReader& r, QueryLanguage language, ChoiceState& out);
void load_map(LoadContext& ctx, const FieldReader& r, const State& state, QueryLanguage language, MapState& out);
void load_retriers(const FieldReader& r, const Member& field, std::vector<Retrier>& out);
void load_catchers(const FieldReader& r, const Member& field, QueryLanguage language, std::vector<Catcher>& out);

// --- field helpers (load_fields.cpp) ---

// `X` (literal number or, in JSONata, "{% %}") and `XPath` (a reference path), mutually exclusive.
NumberField number_field(const FieldReader& r, std::string_view key, std::string_view path_key, std::int64_t min,
                         std::int64_t max, QueryLanguage language);
// A string field holding a path of `kind`; reports an invalid path at the value.
std::optional<Located> path_field(const FieldReader& r, std::string_view key, PathKind kind);
// InputPath / OutputPath / ResultPath / ItemsPath: a path or null.
std::optional<Node> nullable_path_field(const FieldReader& r, std::string_view key, PathKind kind);
// A JSONata "{% %}" string field: reports an invalid expression. Returns the body.
std::optional<std::string> jsonata_string(const FieldReader& r, const Node& value);
// `Assign`: an object whose keys are variable names; values checked as template (JSONPath) or JSONata.
std::optional<Node> assign_field(const FieldReader& r, QueryLanguage language);
// `Output` (JSONata) / `Arguments` (JSONata) / `Parameters`, `ResultSelector` (JSONPath templates).
std::optional<Node> template_field(const FieldReader& r, std::string_view key, QueryLanguage language);

// A legal variable name (ASL A9): an identifier, at most 80 characters, not "states".
std::optional<std::string> variable_name_problem(std::string_view name);

}  // namespace flowcost::model::asl
