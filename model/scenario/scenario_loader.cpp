// load_scenario: the common sections of a scenario file (docs/scenario-format.md).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <deque>
#include <map>

#include "model/asl/definition_document.h"
#include "model/errors.h"
#include "model/number_format.h"
#include "model/scenario/design_extends.h"
#include "model/scenario/scenario.h"
#include "model/scenario/scenario_checks.h"
#include "model/source_file.h"
#include "model/suggest.h"
#include "model/template/state_machine_resource.h"
#include "model/units.h"

namespace flowcost::model {

namespace {

const std::vector<std::string> kTopKeys = {"scenario", "title",  "prices",   "free_tier", "run",
                                           "inputs",   "workload", "designs", "budgets"};
const std::vector<std::string> kRunKeys = {"seed",      "executions",          "draws",           "rel_error",
                                           "max_draws", "map_sample_children", "map_sample_above"};
const std::vector<std::string> kDesignKinds = {"step_functions", "iot_rules"};
constexpr auto kMaxSampleChildren = static_cast<std::uint64_t>(kMaxMapItems);

std::optional<std::string> read_string(const Node& node, std::string_view what, Diagnostics& diags) {
  if (!node.is_scalar() || (!node.quoted && !node.is_string()) || node.text.empty()) {
    diags.error(node.loc, std::string(what) + " must be a non-empty string, got " + node.type_name());
    return std::nullopt;
  }
  return node.text;
}

// A whole number in [min_value, max_value] (12, 1e5 and 100000.0 are accepted).
std::optional<std::uint64_t> read_whole(const Node& node, std::string_view what, std::uint64_t min_value,
                                        std::uint64_t max_value, Diagnostics& diags) {
  auto v = node.number();
  if (!v || !std::isfinite(*v) || std::floor(*v) != *v || *v < static_cast<double>(min_value) ||
      *v > static_cast<double>(max_value)) {
    diags.error(node.loc, std::string(what) + " must be a whole number in [" + std::to_string(min_value) + ", " +
                              std::to_string(max_value) + "], got " +
                              (v ? format_shortest(*v) : node.type_name()));
    return std::nullopt;
  }
  return static_cast<std::uint64_t>(*v);
}

void parse_run(const Node& node, RunSettings& run, Diagnostics& diags) {
  if (!node.is_mapping()) {
    diags.error(node.loc, "run must be a mapping such as {seed: 1, executions: 100000, draws: 200}, got " +
                              node.type_name());
    return;
  }
  check_known_keys(node, kRunKeys, diags, "run setting");
  if (const Node* n = node.find("seed")) {
    if (auto v = read_whole(*n, "run.seed", 0, kMaxSeed, diags)) run.seed = *v;
  }
  if (const Node* n = node.find("executions")) {
    if (auto v = read_whole(*n, "run.executions", 1, kMaxExecutions, diags)) run.executions = *v;
  }
  if (const Node* n = node.find("draws")) {
    if (auto v = read_whole(*n, "run.draws", 1, kMaxDraws, diags)) run.draws = *v;
  }
  if (const Node* n = node.find("rel_error")) {
    auto v = n->number();
    if (!v || !(*v > 0 && *v < 1))
      diags.error(n->loc, "run.rel_error must be a number in (0, 1) such as 0.01, got " +
                              (v ? format_shortest(*v) : n->type_name()));
    else
      run.rel_error = *v;
  }
  if (const Node* n = node.find("max_draws")) {
    if (auto v = read_whole(*n, "run.max_draws", 1, kMaxDraws, diags)) {
      run.max_draws = *v;
      if (run.max_draws < run.draws)
        diags.error(n->loc, "run.max_draws (" + std::to_string(run.max_draws) + ") is less than run.draws (" +
                                std::to_string(run.draws) + ")");
    }
  } else {
    run.max_draws = std::max(run.max_draws, run.draws);
  }
  if (const Node* n = node.find("map_sample_children")) {
    if (auto v = read_whole(*n, "run.map_sample_children", 0, kMaxSampleChildren, diags)) run.map_sample_children = *v;
  }
  if (const Node* n = node.find("map_sample_above")) {
    if (auto v = read_whole(*n, "run.map_sample_above", 1, kMaxSampleChildren, diags)) run.map_sample_above = *v;
  }
  if (run.map_sample_children > run.map_sample_above)
    diags.error(node.loc, "run.map_sample_children (" + std::to_string(run.map_sample_children) +
                              ") is more than run.map_sample_above (" + std::to_string(run.map_sample_above) +
                              "): a Map visit is sampled only when it starts more children than the sample");
}

void parse_named_values(const Node& node, std::string_view section, std::vector<InputSpec>& out,
                        Diagnostics& diags) {
  for (const auto& m : node.members) {
    if (!valid_name(m.key)) {
      diags.error(m.key_loc, "\"" + m.key + "\" is not a valid " + std::string(section) +
                                 " name; use letters, digits and _ (not starting with a digit)");
      continue;
    }
    InputSpec in;
    in.name = m.key;
    in.loc = m.key_loc;
    in.value = parse_value(m.value, Dimension::none, diags);
    out.push_back(std::move(in));
  }
}

void parse_inputs(const Node& node, Scenario& s, Diagnostics& diags) {
  if (node.is_null()) return;
  if (!node.is_mapping()) {
    diags.error(node.loc, "inputs must be a mapping of names to values, got " + node.type_name());
    return;
  }
  parse_named_values(node, "input", s.inputs, diags);
}

void parse_workload(const Node* node, const SourceLocation& root_loc, Scenario& s, Diagnostics& diags) {
  if (!node) {
    diags.error(root_loc, "missing \"workload\" (with events_per_month)");
    return;
  }
  s.workload.loc = node->loc;
  if (!node->is_mapping()) {
    diags.error(node->loc, "workload must be a mapping with events_per_month, got " + node->type_name());
    return;
  }
  std::vector<InputSpec> items;
  parse_named_values(*node, "workload item", items, diags);
  bool have_events = false;
  for (auto& item : items) {
    if (item.name == "events_per_month") {
      have_events = true;
      s.workload.events_per_month = std::move(item.value);
      if (s.workload.events_per_month.kind == ValueSpec::Kind::distribution)
        diags.error(item.loc, "events_per_month must be a number or an expression over inputs, not a "
                              "distribution; make an input uncertain instead");
      else if (s.workload.events_per_month.kind == ValueSpec::Kind::number &&
               s.workload.events_per_month.number < 0)
        diags.error(s.workload.events_per_month.loc, "events_per_month must not be negative (got " +
                                                         format_shortest(s.workload.events_per_month.number) + ")");
    } else {
      s.workload.items.push_back(std::move(item));
    }
  }
  if (!have_events) diags.error(node->loc, "workload is missing \"events_per_month\"");
}

// The design entries (name, kind); `nodes` gets each entry's mapping, parsed by load_designs.
// An entry with `extends:` is first merged with its base (model/scenario/design_extends.h); the merged
// mappings live in `storage`.
void parse_designs(const Node* node, const SourceLocation& root_loc, Scenario& s, std::vector<const Node*>& nodes,
                   std::deque<Node>& storage, Diagnostics& diags) {
  if (!node) {
    diags.error(root_loc, "missing \"designs\" (a list of designs, each with name and kind)");
    return;
  }
  if (!node->is_sequence() || node->items.empty()) {
    diags.error(node->loc, "designs must be a non-empty list of designs, got " +
                               (node->is_sequence() ? std::string("an empty list") : node->type_name()));
    return;
  }
  std::vector<const Node*> mappings;
  for (const auto& item : node->items) {
    if (!item.is_mapping()) {
      diags.error(item.loc, "a design must be a mapping with name and kind, got " + item.type_name());
      continue;
    }
    mappings.push_back(&item);
  }
  std::map<std::string, int> seen;  // design name -> line
  for (const Node* resolved : resolve_design_extends(mappings, storage, diags)) {
    if (!resolved) continue;
    const Node& item = *resolved;
    DesignEntry d;
    bool ok = true;
    if (const Node* n = item.find("name")) {
      if (auto v = read_string(*n, "design name", diags)) {
        d.name = *v;
        auto [first, inserted] = seen.emplace(d.name, item.loc.line);
        const bool control = std::any_of(d.name.begin(), d.name.end(), [](char c) {
          return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
        });
        if (control) {
          // A name goes into every report, CSV row and terminal table: a control character (a tab, a
          // newline, an escape sequence) would break them.
          diags.error(n->loc, "a design name must not contain control characters (tab, newline, escape...)");
          ok = false;
        } else if (!inserted) {
          diags.error(n->loc, "duplicate design name \"" + d.name + "\" (first at line " +
                                  std::to_string(first->second) + ")");
          ok = false;
        }
      } else {
        ok = false;
      }
    } else {
      diags.error(item.loc, "design is missing \"name\"");
      ok = false;
    }
    if (const Node* n = item.find("kind")) {
      if (auto v = read_string(*n, "design kind", diags)) {
        if (std::find(kDesignKinds.begin(), kDesignKinds.end(), *v) == kDesignKinds.end()) {
          diags.error(n->loc, unknown_name_message("design kind", *v, kDesignKinds));
          ok = false;
        }
        d.kind = *v;
      } else {
        ok = false;
      }
    } else {
      diags.error(item.loc, "design is missing \"kind\" (step_functions or iot_rules)");
      ok = false;
    }
    if (ok) {
      d.loc = item.loc;
      s.designs.push_back(std::move(d));
      nodes.push_back(&item);
    }
  }
}

void record_files(const std::vector<InputSpec>& values, Scenario& s) {
  for (const auto& v : values) note_input_files(v.value, s.input_file_hashes);
}

// Every design with its kind's loader. Each design's diagnostics are kept with it and added to `diags`.
void load_designs(const std::vector<const Node*>& nodes, Scenario& s, const SourceFile& src, Diagnostics& diags) {
  for (std::size_t i = 0; i < s.designs.size(); ++i) {
    Diagnostics local;
    DesignEntry& entry = s.designs[i];
    if (entry.kind == "step_functions") {
      StepFunctionsDesign design = parse_step_functions_design(*nodes[i], s, s.directory, local);
      design.name = entry.name;
      entry.design = std::move(design);
    } else {
      entry.design = parse_iot_rules_design(*nodes[i], s, local, &src);
    }
    entry.diagnostics = local.items();
    diags.append(local);
    add_input_files(s.input_file_hashes, files_of(entry));
  }
}

}  // namespace

bool valid_name(std::string_view name) {
  if (name.empty() || !(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_')) return false;
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

std::string scenario_folder(const std::string& path) {
  std::size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

bool looks_like_scenario(const Node& root) { return root.is_mapping() && root.find("scenario") != nullptr; }

namespace {

// What a mapping without `scenario:` is instead, when it is another kind of flowcost input ("" when none):
// one clear error then, not a list of the scenario sections it lacks.
std::string other_input_kind(const Node& root) {
  if (asl::looks_like_state_machine(root))
    return "an ASL definition, not a scenario: a scenario names it in a design's `definition:` "
           "(docs/scenario-format.md), and `flowcost validate` checks it on its own";
  if (templates::is_template(root))
    return "a CloudFormation or SAM template, not a scenario: a scenario names it in a design's `definition:` "
           "(docs/scenario-format.md), and `flowcost validate` checks it on its own";
  if (root.find("table") != nullptr && root.find("meters") != nullptr)
    return "a price table, not a scenario: give it to a scenario's `prices:` or to --prices";
  return {};
}

}  // namespace

Scenario load_scenario(const std::string& path, const std::vector<std::pair<std::string, std::string>>& overrides,
                       Diagnostics& diags) {
  return load_scenario(path, overrides, diags, {});
}

Scenario load_scenario(const std::string& path, const std::vector<std::pair<std::string, std::string>>& overrides,
                       Diagnostics& diags, const std::function<void(const Scenario&)>& prices_read) {
  SourceFile src;
  try {
    src = read_source_file(path);
  } catch (const InputError& e) {
    for (const auto& d : e.diagnostics()) diags.add(d);
    Scenario s;
    s.file = path;
    s.directory = scenario_folder(path);
    return s;
  }
  return load_scenario(std::move(src), overrides, diags, prices_read);
}

Scenario load_scenario(SourceFile src, const std::vector<std::pair<std::string, std::string>>& overrides,
                       Diagnostics& diags, const std::function<void(const Scenario&)>& prices_read) {
  const std::size_t errors_before = diags.error_count();
  Scenario s;
  s.file = src.path;
  s.directory = scenario_folder(src.path);
  s.sha256 = sha256_hex(src.text);
  s.input_file_hashes[src.path] = s.sha256;
  auto root = parse_document(src, diags);
  const ExpressionSource expression_source(src);  // expressions' names and errors at their own positions
  if (!root) return s;
  if (!root->is_mapping()) {
    diags.error(root->loc, "a scenario file is a mapping with scenario, inputs, workload and designs; got " +
                               root->type_name());
    return s;
  }
  if (!looks_like_scenario(*root)) {
    if (const std::string kind = other_input_kind(*root); !kind.empty()) {
      diags.error(root->loc, kind);
      return s;
    }
  }
  check_known_keys(*root, kTopKeys, diags, "key");
  if (const Node* n = root->find("scenario")) {
    if (auto v = read_string(*n, "scenario", diags)) s.id = *v;
  } else {
    diags.error(root->loc, "missing \"scenario\" (the scenario's short name)");
  }
  if (const Node* n = root->find("title")) {
    if (auto v = read_string(*n, "title", diags)) s.title = *v;
  }
  if (s.title.empty()) s.title = s.id;
  if (const Member* m = root->find_member("prices")) {
    s.prices_loc = m->value.loc;
    if (auto v = read_string(m->value, "prices", diags)) s.prices = *v;
  }
  if (prices_read && diags.error_count() == errors_before) prices_read(s);
  if (const Node* n = root->find("free_tier")) {
    if (auto b = n->boolean()) s.free_tier = *b;
    else diags.error(n->loc, "free_tier must be true or false, got " + n->type_name());
  }
  if (const Node* n = root->find("run")) parse_run(*n, s.run, diags);
  if (const Node* n = root->find("inputs")) parse_inputs(*n, s, diags);
  parse_workload(root->find("workload"), root->loc, s, diags);
  std::vector<const Node*> design_nodes;
  std::deque<Node> merged_designs;  // designs with `extends:`, merged with their base
  parse_designs(root->find("designs"), root->loc, s, design_nodes, merged_designs, diags);
  if (const Node* n = root->find("budgets")) s.budgets = parse_budgets(*n, design_names(s), diags);
  apply_overrides(overrides, s, diags);
  check_scenario_names(s, diags);
  record_files(s.inputs, s);
  record_files(s.workload.items, s);
  if (diags.error_count() == errors_before) load_designs(design_nodes, s, src, diags);  // designs refer to the inputs' names
  return s;
}

std::vector<std::string> design_names(const Scenario& s) {
  std::vector<std::string> out;
  for (const auto& d : s.designs) out.push_back(d.name);
  return out;
}

bool has_errors(const DesignEntry& entry) {
  return std::any_of(entry.diagnostics.begin(), entry.diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

const InputFiles& files_of(const DesignEntry& entry) {
  return std::visit([](const auto& design) -> const InputFiles& { return design.files; }, entry.design);
}

}  // namespace flowcost::model
