#pragma once
#include <map>
// Borrowed prices: a table's `assumed:` section names, for a meter without a sourced regional figure, the
// table whose rate lines stand in for it, and why (docs/price-tables.md "Borrowed prices"). The loader copies
// those lines (marked RateLine::borrowed_from); `--strict-prices` turns them back into gaps.
#include <string>

#include "model/diagnostics.h"
#include "model/document.h"
#include "pricing/price_table.h"

namespace flowcost::pricing {

// Reads `assumed` (meter -> {from: TABLE, reason: TEXT}) of the table read from `table_path` and appends
// the borrowed rate lines to `table.lines`. `from` is a shipped table name or a path relative to the
// table's folder; the meter must be priced there by that table's own figures, and neither priced nor
// listed as a gap here. Every problem goes to `diags` at its position. Without `resolve` the entries are
// only read (a table read as the source of a borrowed price: its own figures only).
void parse_assumed(const model::Node& assumed, const std::string& table_path, PriceTable& table,
                   model::Diagnostics& diags, bool resolve = true);

// The files the table's figures come from: its own and each table it borrows from (path -> SHA-256).
std::map<std::string, std::string> table_files(const PriceTable& table);

// How every report names a price that `table` borrows for `meter` (docs/price-tables.md "Borrowed prices"): the
// setting "borrowed_price.METER", whose value is the lending table, set in "price table T, assumed: REASON";
// as one note, "borrowed_price.METER=LENDER (price table T, assumed: REASON)".
inline constexpr const char* kBorrowedPricePrefix = "borrowed_price.";
std::string borrowed_price_setting(const std::string& meter);
std::string borrowed_price_source(const PriceTable& table, const BorrowedPrice& borrowed);
std::string borrowed_price_note(const PriceTable& table, const std::string& meter, const BorrowedPrice& borrowed);

// The table without its borrowed lines: each borrowed meter becomes a gap whose reason names the table it
// would have borrowed from, so a design that uses it stops with the one-line unpriced error.
PriceTable without_borrowed_prices(PriceTable table);

}  // namespace flowcost::pricing
