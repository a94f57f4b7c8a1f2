#include "engine/run_report_json_reader.h"

#include "model/document.h"
#include "model/errors.h"
#include "model/number_format.h"
#include "model/source_file.h"
#include "model/strict_json.h"
#include "pricing/cost.h"

namespace flowcost::engine {

namespace {

using model::Node;

const char* const kNotARun = "not a `flowcost run --format json` report: ";

[[noreturn]] void fail(const model::SourceLocation& at, const std::string& message) {
  throw model::InputError(at, message);
}

const Node& member(const Node& object, const std::string& key, const std::string& where) {
  if (!object.is_mapping()) fail(object.loc, std::string(kNotARun) + where + " must be an object, got " + object.type_name());
  const Node* n = object.find(key);
  if (!n) fail(object.loc, std::string(kNotARun) + "missing \"" + key + "\"" + (where.empty() ? "" : " in " + where));
  return *n;
}

std::string text_of(const Node& object, const std::string& key, const std::string& where) {
  const Node& n = member(object, key, where);
  if (!n.is_scalar() || !n.is_string()) fail(n.loc, key + " must be a string, got " + n.type_name());
  return n.text;
}

// Every number diff reads is a cost, a standard error or a target: from 0 to the largest amount flowcost
// prices (a run report never writes null, a negative or a larger number there; one that does was edited,
// and its intervals would print as nan or inf).
double number_of(const Node& object, const std::string& key, const std::string& where) {
  const Node& n = member(object, key, where);
  auto v = n.number();
  if (!v || !(*v >= 0 && *v <= pricing::kMaxCostUsd))
    fail(n.loc, key + " must be a number from 0 to " + model::format_shortest(pricing::kMaxCostUsd) + ", got " +
                    (v ? n.text : n.type_name()));
  return *v;
}

std::uint64_t count_of(const Node& object, const std::string& key, const std::string& where) {
  const Node& n = member(object, key, where);
  auto v = n.integer();
  if (!v || *v < 0) fail(n.loc, key + " must be a whole number >= 0, got " + n.type_name());
  return static_cast<std::uint64_t>(*v);
}

bool flag_of(const Node& object, const std::string& key, const std::string& where) {
  const Node& n = member(object, key, where);
  auto v = n.boolean();
  if (!v) fail(n.loc, key + " must be true or false, got " + n.type_name());
  return *v;
}

const Node& array_of(const Node& object, const std::string& key, const std::string& where) {
  const Node& n = member(object, key, where);
  if (!n.is_sequence()) fail(n.loc, key + " must be an array, got " + n.type_name());
  return n;
}

// An assumption's value as the report's text form: a scalar's text, an array as "[a, b]".
std::string value_text(const Node& n) {
  if (n.is_sequence()) {
    std::string out = "[";
    for (std::size_t i = 0; i < n.items.size(); ++i) out += (i ? ", " : "") + value_text(n.items[i]);
    return out + "]";
  }
  if (n.is_mapping()) return n.type_name();
  return n.text;
}

DesignReport read_design(const Node& d) {
  DesignReport out;
  out.name = text_of(d, "name", "a design");
  const std::string where = "design " + out.name;
  const Node& cost = member(d, "monthly_cost_usd", where);
  out.monthly_cost_usd.mean = number_of(cost, "mean", where + " monthly_cost_usd");
  out.monthly_cost_usd.std_error = number_of(cost, "stderr", where + " monthly_cost_usd");
  for (const auto& l : array_of(d, "lines", where).items) {
    LineReport line;
    line.meter = text_of(l, "meter", where + " lines");
    line.line = text_of(l, "line", where + " lines");
    line.cost_usd_mean = number_of(l, "cost_usd_mean", where + " lines");
    line.cost_usd_std_error = number_of(l, "cost_usd_stderr", where + " lines");
    out.lines.push_back(std::move(line));
  }
  const Node& assumptions = member(d, "assumptions", where);
  if (!assumptions.is_mapping()) fail(assumptions.loc, "assumptions must be an object, got " + assumptions.type_name());
  for (const auto& m : assumptions.members) out.assumptions.push_back({m.key, value_text(m.value), ""});
  return out;
}

}  // namespace

RunReport read_run_report_json(const std::string& path) {
  const model::SourceFile file = model::read_source_file(path);
  model::Diagnostics diags;
  if (!model::check_strict_json(file, diags)) diags.throw_if_errors();
  std::optional<Node> root = model::parse_document(file, diags);
  diags.throw_if_errors();
  if (!root) throw model::InternalError("parse_document returned no tree and no error");
  if (!root->is_mapping()) fail(root->loc, std::string(kNotARun) + "expected an object, got " + root->type_name());
  member(*root, "designs", "");  // the mark of a run report: said first, whatever else is missing
  RunReport r;
  r.scenario = text_of(*root, "scenario", "");
  r.scenario_file = text_of(*root, "scenario_file", "");
  const Node& files = member(*root, "input_files", "");
  if (!files.is_mapping()) fail(files.loc, "input_files must be an object, got " + files.type_name());
  for (const auto& m : files.members) {
    if (!m.value.is_scalar() || !m.value.is_string()) fail(m.value.loc, "input_files values must be strings (SHA-256)");
    r.input_files[m.key] = m.value.text;
  }
  r.seed = count_of(*root, "seed", "");
  r.tool_version = text_of(*root, "tool_version", "");
  for (const auto& o : array_of(*root, "overrides", "").items)
    r.overrides.emplace_back(text_of(o, "name", "overrides"), text_of(o, "value", "overrides"));
  const Node& prices = member(*root, "prices", "");
  r.prices = {text_of(prices, "name", "prices"), text_of(prices, "effective_date", "prices"),
              text_of(prices, "region", "prices"), text_of(prices, "sha256", "prices")};
  r.free_tier = flag_of(*root, "free_tier", "");
  r.draws = count_of(*root, "draws", "");
  r.executions_per_draw = count_of(*root, "executions_per_draw", "");
  const Node& target = member(*root, "rel_error_target", "");
  if (!target.is_null()) r.rel_error_target = number_of(*root, "rel_error_target", "");
  for (const auto& d : array_of(*root, "designs", "").items) r.designs.push_back(read_design(d));
  return r;
}

}  // namespace flowcost::engine
