#include "cli/scenario_inputs.h"

#include "cli/output.h"
#include "model/errors.h"
#include "model/scenario/scenario.h"
#include "pricing/table_loader.h"

namespace flowcost::cli {

std::vector<std::string> scenario_input_paths(const std::string& scenario_path, const RunOptions& options) {
  std::vector<std::string> out{scenario_path};
  model::Diagnostics ignored;  // reported by the run itself
  std::vector<std::pair<std::string, std::string>> overrides;
  try {
    overrides = parse_set_options(options.set);
  } catch (const model::InputError&) {
    // A malformed --set: the run reports it; the scenario's files without overrides are still listed.
  }
  const model::Scenario scenario = model::load_scenario(scenario_path, overrides, ignored);
  append_paths(scenario.input_file_hashes, out);
  try {
    out.push_back(pricing::resolve_price_table_path(
        options.settings.prices ? *options.settings.prices
                                : pricing::scenario_price_table(scenario.prices, scenario.directory)));
  } catch (const model::InputError&) {
    // No such table: nothing to protect; the run reports it.
  }
  return out;
}

}  // namespace flowcost::cli
