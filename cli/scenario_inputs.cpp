#include "cli/scenario_inputs.h"

#include <exception>
#include <future>
#include <optional>
#include <utility>

#include "cli/output.h"
#include "engine/scenario_prices.h"
#include "model/errors.h"
#include "model/scenario/scenario.h"
#include "pricing/borrowed_prices.h"
#include "pricing/table_loader.h"
#include "sim/work_crew.h"

namespace flowcost::cli {

struct ScenarioInputs::Read {
  std::string path;
  std::vector<std::pair<std::string, std::string>> overrides;
  model::Scenario scenario;
  std::vector<model::Diagnostic> diagnostics;  // of reading the scenario, in the order found
  std::optional<std::string> prices;           // --prices
  std::optional<pricing::PriceTable> table;    // read when the scenario has no error
  std::exception_ptr table_error;              // the model::InputError of reading it
};

ScenarioInputs::ScenarioInputs(const std::string& scenario_path, const RunOptions& options, sim::WorkCrew* crew) {
  auto read = std::make_shared<Read>();
  read->path = scenario_path;
  read->prices = options.settings.prices;
  try {
    read->overrides = parse_set_options(options.set);
  } catch (const model::InputError&) {
    // A malformed --set: the verb reports it; the scenario's files without overrides are still listed.
  }
  // With a crew, its first helper reads the price table while the rest of the scenario and its designs'
  // definitions are read, from when the scenario's `prices:` is known; the table is dropped when the scenario
  // then has an error, as if it had not been read. Without one, the table is read after the scenario.
  std::future<void> table_read;
  const auto read_table = [read](const model::Scenario& scenario) {
    try {
      read->table = engine::load_scenario_price_table(scenario, read->prices);
    } catch (const model::InputError&) {
      read->table_error = std::current_exception();
    }
  };
  model::Diagnostics diags;
  read->scenario = model::load_scenario(scenario_path, read->overrides, diags, [&](const model::Scenario& so_far) {
    if (crew) table_read = crew->aside([read_table, so_far] { read_table(so_far); });
  });
  if (table_read.valid()) crew->wait(table_read);
  read->diagnostics = diags.items();
  paths_.push_back(scenario_path);
  append_paths(read->scenario.input_file_hashes, paths_);
  if (diags.has_errors()) {
    read->table.reset();
    read->table_error = nullptr;
  } else if (!crew) {
    read_table(read->scenario);
  }
  if (read->table) {
    for (const auto& [path, sha256] : pricing::table_files(*read->table)) paths_.push_back(path);
  } else {
    try {
      paths_.push_back(pricing::resolve_price_table_path(
          read->prices ? *read->prices : pricing::scenario_price_table(read->scenario.prices, read->scenario.directory)));
    } catch (const model::InputError&) {
      // No such table: nothing to protect; the run reports it.
    }
  }
  read_ = std::move(read);
}

engine::ScenarioLoaders ScenarioInputs::loaders() const {
  engine::ScenarioLoaders out = engine::default_loaders();
  const auto load_scenario = out.load_scenario;
  const auto load_table = out.load_table;
  out.load_scenario = [read = read_, load_scenario](const std::string& path,
                                                    const std::vector<std::pair<std::string, std::string>>& overrides,
                                                    model::Diagnostics& diags) {
    if (path != read->path || overrides != read->overrides) return load_scenario(path, overrides, diags);
    for (const auto& d : read->diagnostics) diags.add(d);
    return read->scenario;
  };
  out.load_table = [read = read_, load_table](const model::Scenario& scenario,
                                              const std::optional<std::string>& prices) {
    const bool same = scenario.file == read->scenario.file && scenario.prices == read->scenario.prices &&
                      scenario.directory == read->scenario.directory && prices == read->prices;
    if (same && read->table_error) std::rethrow_exception(read->table_error);
    if (same && read->table) return *read->table;
    return load_table(scenario, prices);
  };
  return out;
}

}  // namespace flowcost::cli
