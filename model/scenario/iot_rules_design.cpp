#include "model/scenario/iot_rules_design.h"
#include "model/scenario/scenario_checks.h"

#include <algorithm>

#include "model/scenario/iot_parse_detail.h"
#include "model/line_index.h"
#include "model/suggest.h"
#include "model/template/mapped_text.h"

namespace flowcost::model {

namespace {

using iot_detail::NameScope;

// The string values a named field can take (a discrete distribution over labels), if any.
const std::vector<std::string>* labels_of(const std::string& name, const Scenario& sc,
                                          const std::vector<IotFieldSpec>& fields) {
  for (const auto& f : fields)
    if (f.name == name) return f.distribution.labels.empty() ? nullptr : &f.distribution.labels;
  auto from_spec = [](const ValueSpec& v) -> const std::vector<std::string>* {
    if (v.kind == ValueSpec::Kind::distribution && !v.distribution.labels.empty()) return &v.distribution.labels;
    return nullptr;
  };
  for (const auto& item : sc.workload.items)
    if (item.name == name) return from_spec(item.value);
  for (const auto& in : sc.inputs)
    if (in.name == name) return from_spec(in.value);
  return nullptr;
}

void check_sql(const SqlCondition& c, const Scenario& sc, const NameScope& scope,
               const std::vector<IotFieldSpec>& fields, Diagnostics& diags) {
  if (c.kind != SqlCondition::Kind::compare) {
    for (const auto& child : c.children) check_sql(child, sc, scope, fields, diags);
    return;
  }
  auto known = [&](const SqlOperand& o) {
    if (o.kind != SqlOperand::Kind::field) return true;
    if (std::find(scope.names.begin(), scope.names.end(), o.text) != scope.names.end()) return true;
    diags.error(o.loc, unknown_name_message("field", o.text, scope.names) +
                           " (fields are scenario inputs, workload items or the design's fields)");
    return false;
  };
  const bool lhs_ok = known(c.lhs);
  const bool rhs_ok = known(c.rhs);
  if (!lhs_ok || !rhs_ok) return;
  const bool lhs_str = c.lhs.kind == SqlOperand::Kind::string;
  const bool rhs_str = c.rhs.kind == SqlOperand::Kind::string;
  if (lhs_str && rhs_str) {
    diags.error(c.loc, "this comparison is between two constant strings");
    return;
  }
  for (int side = 0; side < 2; ++side) {
    const SqlOperand& field = side == 0 ? c.lhs : c.rhs;
    const SqlOperand& other = side == 0 ? c.rhs : c.lhs;
    if (field.kind != SqlOperand::Kind::field) continue;
    const auto* labels = labels_of(field.text, sc, fields);
    if (other.kind == SqlOperand::Kind::string) {
      if (!labels) {
        diags.error(other.loc, "'" + other.text + "' is a string but " + field.text +
                                   " is a number (only a discrete distribution over strings has string values)");
      } else if (std::find(labels->begin(), labels->end(), other.text) == labels->end()) {
        diags.error(other.loc, unknown_name_message("value of " + field.text, other.text, *labels));
      } else if (c.op != SqlCompare::eq && c.op != SqlCompare::ne) {
        diags.error(c.loc, std::string("strings can only be compared with = or <>, not ") + to_string(c.op));
      }
    } else if (labels) {
      diags.error(other.loc, field.text + " takes string values; compare it with a 'string'");
    }
  }
}

// The scenario file, its lines indexed once for all the rules of a design (when the loader gave it).
struct ScenarioText {
  std::string path;
  std::optional<LineIndex> lines;
};

std::optional<IotSql> parse_rule_sql(const Node& n, const Scenario& sc, const NameScope& scope,
                                     const std::vector<IotFieldSpec>& fields, const ScenarioText& source,
                                     Diagnostics& diags) {
  if (!n.is_string()) {
    diags.error(n.loc, "sql must be a string (SELECT * FROM 'topic' WHERE ...), not " + n.type_name());
    return std::nullopt;
  }
  // Each byte of the statement at its place in the scenario file (a block scalar, escapes), when it can be
  // traced there; else at the scalar's position.
  const templates::MappedText mapped = source.lines && source.path == n.loc.file
                                           ? templates::scalar_text(n, source.path, *source.lines)
                                           : templates::MappedText{};
  const std::function<SourceLocation(std::size_t)> at = [&](std::size_t offset) {
    if (mapped.origin.empty()) return n.loc;
    const auto& o = mapped.origin[std::min(offset, mapped.origin.size() - 1)];
    SourceLocation l{n.loc.file, o.line, o.column};
    if (offset >= mapped.origin.size()) l.column += 1;  // the end of the statement: just after its last byte
    return l;
  };
  auto sql = parse_iot_sql(n.text, at, diags);
  if (sql && sql->where) check_sql(*sql->where, sc, scope, fields, diags);
  return sql;
}

void parse_fields(const Node& n, const NameScope& base, IotRulesDesign& d, Diagnostics& diags) {
  if (!n.is_mapping()) {
    diags.error(n.loc, "fields must be a mapping of field name to distribution, not " + n.type_name());
    return;
  }
  // A field is a name, or a path of names joined by `.` for a nested field of the message
  // (state.reported.temperature), which only the rules' SQL reads.
  auto valid_field = [](std::string_view key) {
    for (std::size_t start = 0;;) {
      const std::size_t dot = key.find('.', start);
      if (!valid_name(key.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start)))
        return false;
      if (dot == std::string_view::npos) return true;
      start = dot + 1;
    }
  };
  for (const auto& m : n.members) {
    if (!valid_field(m.key)) {
      diags.error(m.key_loc, "\"" + m.key + "\" is not a valid field name; use letters, digits and _ (not "
                             "starting with a digit), or such names joined by . for a nested field "
                             "(state.reported.temperature)");
      continue;
    }
    if (std::find(base.names.begin(), base.names.end(), m.key) != base.names.end()) {
      diags.error(m.key_loc, "field \"" + m.key + "\" is already a scenario input or workload item; use that name "
                             "directly");
      continue;
    }
    IotFieldSpec f;
    f.name = m.key;
    f.loc = m.key_loc;
    std::size_t before = diags.error_count();
    f.distribution = parse_distribution(m.value, Dimension::none, diags);
    if (base.scenario) check_distribution_parameters(f.distribution, scalar_names(*base.scenario), *base.scenario, "", diags);
    note_input_files(f.distribution, d.files);
    if (diags.error_count() == before) d.fields.push_back(std::move(f));
  }
}

void parse_rules(const Node& n, const Scenario& sc, const NameScope& scope, IotRulesDesign& d, const SourceFile* file,
                 Diagnostics& diags) {
  if (!n.is_sequence() || n.items.empty()) {
    diags.error(n.loc, "rules must be a non-empty list of rules");
    return;
  }
  ScenarioText source;
  const bool any_sql = std::any_of(n.items.begin(), n.items.end(), [](const Node& r) { return r.find("sql"); });
  if (file && any_sql) {
    source.path = file->path;
    source.lines.emplace(file->text);
  }
  for (const auto& r : n.items) {
    if (!r.is_mapping()) {
      diags.error(r.loc, "a rule must be a mapping {name, match or sql, actions, error_action}, not " + r.type_name());
      continue;
    }
    check_known_keys(r, {"name", "topic_share", "match", "sql", "actions", "error_action"}, diags, "rule field");
    IotRuleSpec rule;
    rule.loc = r.loc;
    const Node* name = r.find("name");
    if (!name || !name->is_string() || name->text.empty()) {
      diags.error(name ? name->loc : r.loc, "a rule needs a name");
      continue;
    }
    rule.name = name->text;
    for (const auto& other : d.rules)
      if (other.name == rule.name)
        diags.error(name->loc, "duplicate rule name \"" + rule.name + "\" (first defined at line " +
                                   std::to_string(other.loc.line) + ")");
    const Node* match = r.find("match");
    const Node* sql = r.find("sql");
    if (match && sql) diags.error(sql->loc, "rule \"" + rule.name + "\" has both match and sql; give one of them");
    else if (!match && !sql) diags.error(r.loc, "rule \"" + rule.name + "\" needs match (a fraction) or sql");
    if (match) rule.match = iot_detail::probability_field(r, "match", scope, diags);
    if (r.find("topic_share")) rule.topic_share = iot_detail::probability_field(r, "topic_share", scope, diags);
    if (sql) rule.sql = parse_rule_sql(*sql, sc, scope, d.fields, source, diags);
    // Without FROM no topic triggers the rule: only a Basic Ingest publish to $aws/rules/NAME does.
    if (rule.sql && !rule.sql->topic_filter && d.ingest != IotIngest::basic_ingest)
      diags.error(sql->loc, "rule \"" + rule.name + "\" has no FROM: only Basic Ingest ($aws/rules/" + rule.name +
                                ") triggers it; set the design's ingest: basic_ingest, or add FROM 'topic/filter'");
    const Node* actions = r.find("actions");
    if (!actions) {
      diags.error(r.loc, "rule \"" + rule.name + "\" needs actions (a list, possibly empty)");
    } else if (!actions->is_sequence()) {
      diags.error(actions->loc, "actions must be a list of actions, not " + actions->type_name());
    } else {
      // AWS IoT's TopicRulePayload holds at most 10 actions (docs/sources.md#iot-quotas).
      if (actions->items.size() > 10)
        diags.error(actions->loc, "rule \"" + rule.name + "\" has " + std::to_string(actions->items.size()) +
                                      " actions; an AWS IoT rule holds at most 10");
      for (const auto& a : actions->items)
        if (auto spec = iot_detail::parse_action(a, rule.name + "/", scope, diags)) rule.actions.push_back(*spec);
      // Two actions of one kind in a rule get distinct labels (and so distinct random streams): "r/sns#2".
      for (std::size_t i = 0; i < rule.actions.size(); ++i) {
        int same = 1;
        for (std::size_t j = 0; j < i; ++j)
          if (rule.actions[j].kind == rule.actions[i].kind) ++same;
        if (same > 1) rule.actions[i].label += "#" + std::to_string(same);
      }
    }
    if (const Node* ea = r.find("error_action"))
      rule.error_action = iot_detail::parse_action(*ea, rule.name + "/error_action/", scope, diags);
    d.rules.push_back(std::move(rule));
  }
}

}  // namespace

IotRulesDesign parse_iot_rules_design(const Node& n, const Scenario& sc, Diagnostics& diags, const SourceFile* source) {
  IotRulesDesign d;
  if (const Node* name = n.find("name")) d.name = name->text;
  d.loc = n.loc;
  d.topic_bytes.kind = ValueSpec::Kind::number;
  d.topic_bytes.number = 0;
  if (!n.is_mapping()) {
    diags.error(n.loc, "a design must be a mapping, not " + n.type_name());
    return d;
  }
  check_known_keys(n, {"name", "kind", "description", "ingest", "topic_bytes", "payload", "connection", "fields",
                       "rules", "fixed"},
                   diags, "iot_rules design field");
  NameScope scope;
  scope.files = &d.files;
  for (const auto& in : sc.inputs) scope.names.push_back(in.name);
  for (const auto& item : sc.workload.items) scope.names.push_back(item.name);
  scope.names.emplace_back("events_per_month");
  for (const auto& de : sc.designs)
    if (de.kind == "step_functions") scope.step_functions_designs.push_back(de.name);
  scope.scenario = &sc;
  if (const Node* f = n.find("fields")) parse_fields(*f, scope, d, diags);
  for (const auto& f : d.fields) {
    scope.names.push_back(f.name);
    scope.field_dimensions.emplace_back(f.name, f.distribution.dimension);
  }

  if (const Node* ingest = n.find("ingest")) {
    if (ingest->is_string() && ingest->text == "broker") d.ingest = IotIngest::broker;
    else if (ingest->is_string() && ingest->text == "basic_ingest") d.ingest = IotIngest::basic_ingest;
    else diags.error(ingest->loc, unknown_name_message("ingest", ingest->text, {"broker", "basic_ingest"}));
  }
  if (auto t = iot_detail::value_field(n, "topic_bytes", Dimension::size_bytes, scope, diags)) d.topic_bytes = *t;
  if (auto p = iot_detail::value_field(n, "payload", Dimension::size_bytes, scope, diags)) d.payload_bytes = *p;
  else if (!n.find("payload"))
    diags.error(d.loc, "iot_rules design \"" + d.name + "\" needs payload (bytes per message: a workload item, "
                           "a number or a distribution)");
  if (const Node* c = n.find("connection")) {
    std::vector<std::string> fields;  // per message: a monthly quantity cannot use them
    for (const auto& f : d.fields) fields.push_back(f.name);
    d.connection = parse_connection_spec(*c, sc, fields, diags);
  }
  if (const Node* f = n.find("fixed")) d.fixed = parse_fixed_section(*f, sc, diags);
  if (const Node* r = n.find("rules")) parse_rules(*r, sc, scope, d, source, diags);
  else diags.error(d.loc, "iot_rules design \"" + d.name + "\" needs rules");
  return d;
}

}  // namespace flowcost::model
