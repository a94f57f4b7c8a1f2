#pragma once
// A scenario file (docs/scenario-format.md): named inputs,
// workload, run settings, price table, and two or more designs. load_scenario reads the common sections,
// then every design with its kind's own loader (step_functions_design.h, iot_rules_design.h): a Scenario
// holds fully parsed designs and the list of every file they read. Nothing after loading opens a file.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/diagnostics.h"
#include "model/document.h"
#include "model/input_files.h"
#include "model/scenario/budgets.h"
#include "model/scenario/iot_rules_design.h"
#include "model/scenario/step_functions_design.h"
#include "model/scenario/values.h"
#include "model/source_file.h"

namespace flowcost::model {

// The ranges of the run settings, in a scenario's `run:` and on the command line alike. A seed stays an
// exact integer in a double (2^53), so JSON readers and YAML get it back unchanged.
inline constexpr std::uint64_t kMaxSeed = std::uint64_t{1} << 53;
inline constexpr std::uint64_t kMaxExecutions = 1'000'000'000;
inline constexpr std::uint64_t kMaxDraws = 1'000'000;

struct RunSettings {
  std::uint64_t seed = 1;
  std::uint64_t executions = 100000;  // inner executions per draw (cap)
  std::uint64_t draws = 200;          // outer draws of the uncertain inputs
  std::optional<double> rel_error;    // stop rule: 95% half-width <= rel_error x mean
  std::uint64_t max_draws = 5000;     // cap for the stop rule
  // Large Distributed Maps (docs/scenario-format.md "Large Maps"): a Map visit that starts more than
  // map_sample_above child executions simulates map_sample_children of them and scales their sums by
  // children / map_sample_children; map_sample_children: 0 simulates every child (exact mode).
  std::uint64_t map_sample_children = 1000;
  std::uint64_t map_sample_above = 100000;
};

struct InputSpec {
  std::string name;
  SourceLocation loc;
  ValueSpec value;  // number, expression over earlier inputs, or distribution (sampled per outer draw)
};

struct WorkloadSpec {
  ValueSpec events_per_month;  // number or expression over inputs (per draw)
  SourceLocation loc;
  // Other named workload items (e.g. payload_bytes): per-event distributions or per-draw expressions,
  // referenced by name from design fields. Sampled with site = the item's name, so every design sees the
  // same value for the same event (common random numbers).
  std::vector<InputSpec> items;
};

struct DesignEntry {
  std::string name;
  std::string kind;  // "step_functions" | "iot_rules"
  SourceLocation loc;
  // The parsed design (the alternative that matches `kind`). Complete only when `diagnostics` holds no
  // error; designs are parsed only when the common sections loaded without error.
  std::variant<StepFunctionsDesign, IotRulesDesign> design;
  std::vector<Diagnostic> diagnostics;  // this design's problems (also in load_scenario's `diags`)
};

// The files a design read (its definition, children, mock configs, empirical CSVs), path -> SHA-256.
const InputFiles& files_of(const DesignEntry& entry);
// Did the design's loader report an error (its `design` is then incomplete)?
bool has_errors(const DesignEntry& entry);

struct Scenario {
  std::string file;           // path as given
  std::string sha256;         // of the scenario file
  std::string id;             // `scenario:`
  std::string title;
  std::string prices = "aws-us-east-1";  // table name or path (resolved relative to the scenario file)
  SourceLocation prices_loc;
  bool free_tier = false;
  RunSettings run;
  std::vector<InputSpec> inputs;  // in file order; an input may refer to earlier ones
  WorkloadSpec workload;
  std::vector<DesignEntry> designs;
  std::vector<Budget> budgets;  // `budgets:` (model/scenario/budgets.h), in file order
  std::string directory;      // folder of the scenario file (for relative paths)
  // Every file read, path as opened -> SHA-256: the scenario, the empirical CSVs of inputs and workload,
  // and every design's files (files_of).
  InputFiles input_file_hashes;
};

// Reads and checks the common sections, then (when they have no error) every design. `overrides` are `--set NAME=VALUE` pairs (a number with optional
// unit, or a distribution in flow YAML); an unknown name is an error with a did-you-mean.
Scenario load_scenario(const std::string& path, const std::vector<std::pair<std::string, std::string>>& overrides,
                       Diagnostics& diags);

// The same; `prices_read` is called once `prices:` is read, when the scenario has no error so far, with the
// scenario as far as it is read: its `file`, `directory`, `prices` and `prices_loc` are then final (no
// override changes them). A caller starts reading the price table there, while the rest of the scenario and
// its designs' definitions are read.
Scenario load_scenario(const std::string& path, const std::vector<std::pair<std::string, std::string>>& overrides,
                       Diagnostics& diags, const std::function<void(const Scenario&)>& prices_read);
// The same for a scenario file already read (read_source_file): `src.path` is its path.
Scenario load_scenario(SourceFile src, const std::vector<std::pair<std::string, std::string>>& overrides,
                       Diagnostics& diags, const std::function<void(const Scenario&)>& prices_read);

// A guess at what load_scenario's `prices_read` will be called with, from the text alone, before it is
// parsed: `file`, `directory`, `prices` and `prices_loc` (the rest default) when exactly one line starts
// with `prices: ` and a plain name or path (letters, digits, `.`, `_`, `/`, `-`), optionally followed by a
// comment; nullopt otherwise. Nothing read with a guess may be used before same_prices() has confirmed it
// against the scenario load_scenario passes to `prices_read`.
std::optional<Scenario> peek_scenario_prices(const std::string& path, std::string_view text);
// The same file, folder, `prices` and position of `prices` (what a scenario's price table depends on).
bool same_prices(const Scenario& a, const Scenario& b);

// The folder of a scenario file, as Scenario::directory holds it ("." for a bare file name).
std::string scenario_folder(const std::string& path);

// Is this document a scenario (a mapping with a top-level `scenario:` key)?
bool looks_like_scenario(const Node& root);

// Name look-ups for design loaders. Scalar names have one value per outer draw (sim::DrawInputs::values):
// every input, `events_per_month` and every workload item that is a number or an expression. Per-event
// names are the workload items that are distributions (sampled per event, sim/scenario_values.h).
std::vector<std::string> scalar_names(const Scenario& s);
// A name of an input or workload item: letters, digits and _, not starting with a digit.
bool valid_name(std::string_view name);
std::vector<std::string> per_event_names(const Scenario& s);
const InputSpec* find_input(const Scenario& s, std::string_view name);
// The names of the scenario's designs, in file order.
std::vector<std::string> design_names(const Scenario& s);
const InputSpec* find_workload_item(const Scenario& s, std::string_view name);

// Checks that every name in `value`'s expression is a scalar name (or, when `allow_per_event`, also a
// per-event workload item); reports each unknown one at the expression with a did-you-mean. True when
// all are known (always true for numbers and distributions).
bool check_value_names(const ValueSpec& value, const Scenario& s, bool allow_per_event, Diagnostics& diags);

// The dimension of a value when it is known statically (Expression::dimension): a number's or
// distribution's own, an expression's from its units and the dimensions of the inputs and workload items
// it names; `fields` gives the dimensions of a design's own names. std::nullopt when unknown.
std::optional<Dimension> value_dimension(const ValueSpec& value, const Scenario& s,
                                         const std::vector<std::pair<std::string, Dimension>>& fields = {});

// Reports an expression whose static dimension is a duration, a size or money other than `expected`
// (`expected a size, but "latency * 2" is a duration`) at the value; true when it is not.
bool check_value_dimension(const ValueSpec& value, Dimension expected, const Scenario& s,
                           const std::vector<std::pair<std::string, Dimension>>& fields, Diagnostics& diags);

// Checks that `value` is the same for every event of a draw (an error probability, a Choice weight, a
// monthly quantity): a number or an expression over scalar names, not a distribution, a per-event workload
// item or one of `per_event_fields` (a design's own per-event names). Reports "WHAT must be the same for
// every event of a draw: ..." at the value; true when it is.
bool check_per_draw(const ValueSpec& value, const std::string& what, const Scenario& s,
                    const std::vector<std::string>& per_event_fields, Diagnostics& diags);

}  // namespace flowcost::model
