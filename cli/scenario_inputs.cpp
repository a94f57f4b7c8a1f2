#include "cli/scenario_inputs.h"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <future>
#include <optional>
#include <utility>

#include "cli/output.h"
#include "engine/scenario_prices.h"
#include "model/errors.h"
#include "model/scenario/scenario.h"
#include "model/source_file.h"
#include "pricing/borrowed_prices.h"
#include "pricing/table_loader.h"
#include "sim/work_crew.h"

namespace flowcost::cli {

namespace {

// May the price table `name_or_path` be read before the scenario is known to have no error? A regular file
// may (a pipe or a device might block until something writes to it); so may a name that resolves to no
// file, whose error then opens nothing.
bool readable_early(const std::string& name_or_path) {
  std::string path;
  try {
    path = pricing::resolve_price_table_path(name_or_path);
  } catch (const model::InputError&) {
    return true;
  }
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec) || !std::filesystem::exists(path, ec);
}

}  // namespace

struct ScenarioInputs::Read {
  std::string path;
  std::vector<std::pair<std::string, std::string>> overrides;
  model::Scenario scenario;
  std::vector<model::Diagnostic> diagnostics;  // of reading the scenario, in the order found
  std::optional<std::string> prices;           // --prices
  std::optional<pricing::PriceTable> table;    // read when the scenario has no error
  std::exception_ptr table_error;              // the model::InputError of reading it
  // The file, folder, `prices` and its position of the scenario the table was read for (model::same_prices;
  // the scenario itself may have been handed over).
  model::Scenario table_for;
  bool scenario_taken = false, table_taken = false;  // handed over by take_loaders()
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
  // definitions are read; the table is dropped when the scenario then has an error, as if it had not been
  // read. It starts at once when it is a shipped table that --prices names or that the scenario's text
  // shows on its `prices:` line (model::peek_scenario_prices), else when load_scenario has read `prices:`
  // without an error before it. A guess that the scenario read does not confirm is read again, for what was
  // read (the errands run in order). Only a shipped table is guessed: a wrong guess then reads one of
  // flowcost's own files. From the callback, a table that is not a regular file (a pipe would block) is
  // read after the scenario, as without a crew: then only a scenario without an error opens it, as a
  // one-thread run does. Without a crew, the table is read after the scenario.
  std::future<void> table_read;
  const auto read_table = [read](const model::Scenario& scenario) {
    read->table.reset();
    read->table_error = nullptr;
    try {
      read->table = engine::load_scenario_price_table(scenario, read->prices);
    } catch (const model::InputError&) {
      read->table_error = std::current_exception();
    }
  };
  std::optional<model::Scenario> guess;
  std::optional<model::SourceFile> scenario_file;  // read once, for the guess and then for load_scenario
  if (crew && read->prices) {
    guess.emplace();  // --prices: the table does not depend on the scenario
    guess->prices = *read->prices;
  } else if (crew) {
    try {
      scenario_file = model::read_source_file(scenario_path);
      guess = model::peek_scenario_prices(scenario_path, scenario_file->text);
    } catch (const model::InputError&) {
      // load_scenario reports it
    }
  }
  if (guess && !pricing::is_shipped_table(guess->prices)) guess.reset();
  if (guess) table_read = crew->aside([read_table, g = *guess] { read_table(g); });
  bool read_after = !crew;  // the table is read once the scenario is read without an error
  model::Diagnostics diags;
  const auto prices_read = [&](const model::Scenario& so_far) {
    if (!crew || (guess && (read->prices || model::same_prices(*guess, so_far)))) return;
    if (!readable_early(read->prices ? *read->prices : pricing::scenario_price_table(so_far.prices, so_far.directory))) {
      read_after = true;
      return;
    }
    table_read = crew->aside([read_table, so_far] { read_table(so_far); });
  };
  read->scenario = scenario_file ? model::load_scenario(std::move(*scenario_file), read->overrides, diags, prices_read)
                                 : model::load_scenario(scenario_path, read->overrides, diags, prices_read);
  if (table_read.valid()) crew->wait(table_read);
  read->diagnostics = diags.items();
  paths_.push_back(scenario_path);
  append_paths(read->scenario.input_file_hashes, paths_);
  if (diags.has_errors()) {
    read->table.reset();
    read->table_error = nullptr;
  } else if (read_after) {
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
  read->table_for.file = read->scenario.file;
  read->table_for.directory = read->scenario.directory;
  read->table_for.prices = read->scenario.prices;
  read->table_for.prices_loc = read->scenario.prices_loc;
  read_ = std::move(read);
}

engine::ScenarioLoaders ScenarioInputs::loaders() const { return serve(read_, false); }

engine::ScenarioLoaders ScenarioInputs::take_loaders() { return serve(read_, true); }

engine::ScenarioLoaders ScenarioInputs::serve(const std::shared_ptr<Read>& shared, bool once) {
  engine::ScenarioLoaders out = engine::default_loaders();
  const auto load_scenario = out.load_scenario;
  const auto load_table = out.load_table;
  out.load_scenario = [read = shared, load_scenario, once](const std::string& path,
                                                           const std::vector<std::pair<std::string, std::string>>& overrides,
                                                           model::Diagnostics& diags) {
    if (path != read->path || overrides != read->overrides || read->scenario_taken) return load_scenario(path, overrides, diags);
    for (const auto& d : read->diagnostics) diags.add(d);
    if (!once) return read->scenario;
    read->scenario_taken = true;
    return std::move(read->scenario);
  };
  out.load_table = [read = shared, load_table, once](const model::Scenario& scenario,
                                                     const std::optional<std::string>& prices) {
    const bool same = !read->table_taken && model::same_prices(scenario, read->table_for) && prices == read->prices;
    if (same && read->table_error) std::rethrow_exception(read->table_error);
    if (same && read->table) {
      if (!once) return *read->table;
      read->table_taken = true;
      return std::move(*read->table);
    }
    return load_table(scenario, prices);
  };
  return out;
}

}  // namespace flowcost::cli
