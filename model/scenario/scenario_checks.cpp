#include "model/scenario/scenario_checks.h"

#include <algorithm>
#include <unordered_map>

#include "model/document.h"
#include "model/errors.h"
#include "model/expression.h"
#include "model/source_file.h"
#include "model/suggest.h"
#include "model/units.h"

namespace flowcost::model {

namespace {

const std::string kEventsPerMonth = "events_per_month";

bool is_per_event(const InputSpec& item) { return item.value.kind == ValueSpec::Kind::distribution; }

const InputSpec* find_in(const std::vector<InputSpec>& list, std::string_view name) {
  auto it = std::find_if(list.begin(), list.end(), [&](const InputSpec& i) { return i.name == name; });
  return it == list.end() ? nullptr : &*it;
}

std::vector<std::string> names_of(const std::vector<InputSpec>& list, std::size_t count) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < count && i < list.size(); ++i) out.push_back(list[i].name);
  return out;
}

// The names defined so far, in order: membership by hash (loading stays linear in the number of inputs),
// the list for did-you-mean suggestions.
class DefinedNames {
 public:
  DefinedNames() = default;
  explicit DefinedNames(const std::vector<std::string>& names) {
    for (const auto& n : names) add(n);
  }
  void add(const std::string& name) {
    if (index_.emplace(name, order_.size()).second) order_.push_back(name);
  }
  bool contains(const std::string& name) const { return index_.count(name) != 0; }
  const std::vector<std::string>& list() const { return order_; }

 private:
  std::unordered_map<std::string, std::size_t> index_;
  std::vector<std::string> order_;
};

// Checks the names of one expression: `allowed` are the names defined before it.
void check_names(const Expression& e, const DefinedNames& allowed, const Scenario& s, std::string_view owner,
                 Diagnostics& diags) {
  for (std::size_t i = 0; i < e.names().size(); ++i) {
    const std::string& name = e.names()[i];
    const SourceLocation& at = e.name_loc(i);
    if (allowed.contains(name)) continue;
    if (const InputSpec* later = find_input(s, name)) {
      diags.error(at, std::string(owner) + " uses input \"" + name + "\" before its definition at line " +
                          std::to_string(later->loc.line));
    } else if (const InputSpec* item = find_workload_item(s, name); item && is_per_event(*item)) {
      diags.error(at, std::string(owner) + " refers to \"" + name +
                          "\", a per-event workload distribution; expressions take per-draw values only");
    } else if (item) {
      diags.error(at, std::string(owner) + " uses workload item \"" + name + "\" before its definition at line " +
                          std::to_string(item->loc.line));
    } else {
      diags.error(at, unknown_name_message("name", name, allowed.list()));
    }
  }
}

}  // namespace

const InputSpec* find_input(const Scenario& s, std::string_view name) { return find_in(s.inputs, name); }

const InputSpec* find_workload_item(const Scenario& s, std::string_view name) {
  return find_in(s.workload.items, name);
}

std::vector<std::string> scalar_names(const Scenario& s) {
  std::vector<std::string> out = names_of(s.inputs, s.inputs.size());
  out.push_back(kEventsPerMonth);
  for (const auto& item : s.workload.items)
    if (!is_per_event(item)) out.push_back(item.name);
  return out;
}

std::vector<std::string> per_event_names(const Scenario& s) {
  std::vector<std::string> out;
  for (const auto& item : s.workload.items)
    if (is_per_event(item)) out.push_back(item.name);
  return out;
}

bool check_value_names(const ValueSpec& value, const Scenario& s, bool allow_per_event, Diagnostics& diags) {
  if (value.kind != ValueSpec::Kind::expression || !value.expression.valid()) return true;
  std::vector<std::string> allowed = scalar_names(s);
  if (allow_per_event) {
    auto events = per_event_names(s);
    allowed.insert(allowed.end(), events.begin(), events.end());
  }
  bool ok = true;
  for (const auto& name : value.expression.names()) {
    if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
    ok = false;
    const InputSpec* item = find_workload_item(s, name);
    if (item && is_per_event(*item))
      diags.error(value.expression.loc(), "\"" + name +
                                              "\" is a per-event workload distribution; it cannot be used in an "
                                              "expression here");
    else
      diags.error(value.expression.loc(), unknown_name_message("name", name, allowed));
  }
  return ok;
}

namespace {

std::optional<Dimension> dimension_at(const ValueSpec& value, const Scenario& s,
                                      const std::vector<std::pair<std::string, Dimension>>& fields, int depth) {
  if (value.kind != ValueSpec::Kind::expression) return value.dimension;
  if (!value.expression.valid() || depth > 64) return std::nullopt;  // 64: a cycle (reported elsewhere)
  return value.expression.dimension([&](std::string_view name) -> std::optional<Dimension> {
    for (const auto& [field, d] : fields)
      if (field == name) return d;
    const InputSpec* in = find_input(s, name);
    if (!in) in = find_workload_item(s, name);
    if (!in) return name == kEventsPerMonth ? std::optional<Dimension>(Dimension::none) : std::nullopt;
    return dimension_at(in->value, s, fields, depth + 1);
  });
}

std::string a_dimension(Dimension d) {
  const std::string name = dimension_name(d);
  return (name[0] == 'a' ? "an " : "a ") + name;
}

}  // namespace

std::optional<Dimension> value_dimension(const ValueSpec& value, const Scenario& s,
                                         const std::vector<std::pair<std::string, Dimension>>& fields) {
  return dimension_at(value, s, fields, 0);
}

bool check_value_dimension(const ValueSpec& value, Dimension expected, const Scenario& s,
                           const std::vector<std::pair<std::string, Dimension>>& fields, Diagnostics& diags) {
  if (value.kind != ValueSpec::Kind::expression || !is_physical(expected)) return true;
  const std::optional<Dimension> d = value_dimension(value, s, fields);
  if (!d || !is_physical(*d) || *d == expected) return true;
  diags.error(value.loc,
              "expected " + a_dimension(expected) + ", but \"" + value.expression.text() + "\" is " + a_dimension(*d));
  return false;
}

bool check_per_draw(const ValueSpec& value, const std::string& what, const Scenario& s,
                    const std::vector<std::string>& per_event_fields, Diagnostics& diags) {
  const std::string head = what + " must be the same for every event of a draw: ";
  if (value.kind == ValueSpec::Kind::distribution) {
    diags.error(value.loc, head + "use a number or an expression over inputs, not a distribution");
    return false;
  }
  if (value.kind != ValueSpec::Kind::expression) return true;
  for (const auto& name : value.expression.names()) {
    const InputSpec* item = find_workload_item(s, name);
    if (item && is_per_event(*item)) {
      diags.error(value.loc, head + "\"" + name + "\" is a per-event workload distribution");
      return false;
    }
    if (std::find(per_event_fields.begin(), per_event_fields.end(), name) != per_event_fields.end()) {
      diags.error(value.loc, head + "\"" + name + "\" is a per-message field of the design");
      return false;
    }
  }
  return true;
}

void apply_overrides(const std::vector<std::pair<std::string, std::string>>& overrides, Scenario& s,
                     Diagnostics& diags) {
  for (const auto& [name, text] : overrides) {
    std::string pseudo_file = "--set " + name;
    InputSpec* target = nullptr;
    ValueSpec* value = nullptr;
    for (auto& in : s.inputs)
      if (in.name == name) target = &in;
    for (auto& item : s.workload.items)
      if (item.name == name) target = &item;
    if (target) value = &target->value;
    else if (name == kEventsPerMonth) value = &s.workload.events_per_month;
    if (!value) {
      std::vector<std::string> known = names_of(s.inputs, s.inputs.size());
      known.push_back(kEventsPerMonth);
      for (const auto& item : s.workload.items) known.push_back(item.name);
      diags.error({pseudo_file, 0, 0}, unknown_name_message("input", name, known));
      continue;
    }
    if (text.find_first_not_of(" \t") == std::string::npos) {
      diags.error({pseudo_file, 0, 0}, "--set " + name + "= needs a value");
      continue;
    }
    Diagnostics local;
    std::optional<Node> node;
    try {
      node = parse_document(make_source_file(pseudo_file, text), local);
    } catch (const InputError& e) {
      for (const auto& d : e.diagnostics()) local.add(d);
    }
    if (node) {
      ValueSpec parsed = parse_value(*node, Dimension::none, local);
      if (name == kEventsPerMonth && parsed.kind == ValueSpec::Kind::distribution)
        local.error(node->loc, "events_per_month must be a number or an expression over inputs, not a distribution");
      if (!local.has_errors()) *value = std::move(parsed);
    }
    diags.append(local);
  }
}

namespace {

bool check_parameters(const DistributionSpec& d, const DefinedNames& allowed, const Scenario& s,
                      const std::string& owner, Diagnostics& diags) {
  bool ok = true;
  for (const auto& param : d.parameters) {
    if (!param.expression || !param.expression->valid()) continue;
    const std::size_t before = diags.error_count();
    check_names(*param.expression, allowed, s, owner.empty() ? std::string(to_string(d.kind)) + " " + param.name : owner,
                diags);
    if (diags.error_count() != before) {
      ok = false;
      continue;
    }
    ValueSpec as_value;
    as_value.kind = ValueSpec::Kind::expression;
    as_value.expression = *param.expression;
    as_value.loc = param.loc;
    if (!param.bare) {
      ok = check_value_dimension(as_value, d.dimension, s, {}, diags) && ok;
      continue;
    }
    const std::optional<Dimension> dim = value_dimension(as_value, s);
    if (dim && is_physical(*dim)) {
      diags.error(param.loc, std::string(to_string(d.kind)) + ": " + param.name + " takes a plain number, but \"" +
                                 param.expression->text() + "\" is " + a_dimension(*dim));
      ok = false;
    }
  }
  return ok;
}

bool check_parameters(const ValueSpec& value, const DefinedNames& allowed, const Scenario& s,
                      const std::string& owner, Diagnostics& diags) {
  if (value.kind != ValueSpec::Kind::distribution || value.distribution.parameters.empty()) return true;
  return check_parameters(value.distribution, allowed, s, owner, diags);
}

}  // namespace

bool check_distribution_parameters(const DistributionSpec& d, const std::vector<std::string>& allowed,
                                   const Scenario& s, const std::string& owner, Diagnostics& diags) {
  if (d.parameters.empty()) return true;
  return check_parameters(d, DefinedNames(allowed), s, owner, diags);
}

bool check_distribution_parameters(const ValueSpec& value, const std::vector<std::string>& allowed,
                                   const Scenario& s, const std::string& owner, Diagnostics& diags) {
  if (value.kind != ValueSpec::Kind::distribution) return true;
  return check_distribution_parameters(value.distribution, allowed, s, owner, diags);
}

void check_scenario_names(const Scenario& s, Diagnostics& diags) {
  DefinedNames allowed;  // the inputs before the one checked
  for (const auto& in : s.inputs) {
    if (in.value.kind == ValueSpec::Kind::expression && in.value.expression.valid())
      check_names(in.value.expression, allowed, s, "input \"" + in.name + "\"", diags);
    check_parameters(in.value, allowed, s, "input \"" + in.name + "\"", diags);
    allowed.add(in.name);
  }
  for (const auto& item : s.workload.items) {
    if (const InputSpec* same = allowed.contains(item.name) ? find_input(s, item.name) : nullptr)
      diags.error(item.loc, "workload item \"" + item.name + "\" has the same name as the input at line " +
                                std::to_string(same->loc.line));
  }
  const ValueSpec& events = s.workload.events_per_month;
  if (events.kind == ValueSpec::Kind::expression && events.expression.valid())
    check_names(events.expression, allowed, s, kEventsPerMonth, diags);
  allowed.add(kEventsPerMonth);
  for (const auto& item : s.workload.items) {
    if (item.value.kind == ValueSpec::Kind::expression && item.value.expression.valid())
      check_names(item.value.expression, allowed, s, "workload item \"" + item.name + "\"", diags);
    check_parameters(item.value, allowed, s, "workload item \"" + item.name + "\"", diags);
    if (!is_per_event(item)) allowed.add(item.name);
  }
}

}  // namespace flowcost::model
