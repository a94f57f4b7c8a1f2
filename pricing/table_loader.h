#pragma once
// Finding and reading price tables. A name without a slash and without ".yaml" is a shipped table in
// FLOWCOST_TABLES_DIR (pricing/tables); anything else is a path.
#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "model/source_file.h"
#include "pricing/price_table.h"

namespace flowcost::pricing {

// Reads, validates and returns the table. Throws model::InputError carrying every error (and warning)
// found; warnings of a good table are in PriceTable::warnings.
PriceTable load_price_table(const std::string& name_or_path);

// The table with only its own figures: its `assumed:` entries are read, not resolved (what a table that
// borrows from it reads, so that borrowing never chains). Throws as load_price_table does.
PriceTable load_own_price_table(const std::string& name_or_path);

// The file path that `name_or_path` designates (a shipped name or a path); throws InputError when a
// name is not a shipped table, with the closest shipped name.
std::string resolve_price_table_path(const std::string& name_or_path);

// What a scenario's `prices:` designates, as load_price_table takes it: a path (it has a slash or ends in
// .yaml) relative to the scenario's folder unless absolute, else a shipped table name (unchanged).
std::string scenario_price_table(const std::string& prices, const std::string& scenario_directory);

// Names of the shipped tables (file names without .yaml), sorted.
std::vector<std::string> shipped_table_names();

// Is `name` one of shipped_table_names()? (One look at its file, not a listing of the folder.)
bool is_shipped_table(const std::string& name);

// The file of the shipped table `name` (one of shipped_table_names()).
std::string shipped_table_path(const std::string& name);

// Parses a table already read; every problem goes to `diags` (errors and warnings). The table returned
// is complete only when `diags` has no errors.
// With `borrow` false, the `assumed:` section is read but not resolved (load_own_price_table).
PriceTable parse_price_table(const model::SourceFile& file, model::Diagnostics& diags, bool borrow = true);

}  // namespace flowcost::pricing
