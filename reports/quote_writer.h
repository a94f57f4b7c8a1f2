#pragma once
// Writers for `flowcost quote` (a CostResult from pricing::cost) and `flowcost prices show` (a price
// table): a terminal table, RFC 4180 CSV and JSON. Numbers use '.' whatever the locale.
#include <iosfwd>

#include "pricing/cost.h"
#include "pricing/price_table.h"

namespace flowcost::reports {

// Human table: one row per rate line (quantity, free units, cost to the cent), one indented row per
// tier used when a line spans several, and the total, then an `assumption (...)` line per quoted meter the
// table prices with a borrowed figure (its assumed:; also in Markdown, and JSON "assumptions"). Displayed cents add up to the displayed total
// (pricing::to_cents).
void write_quote_table(const pricing::CostResult& result, const pricing::PriceTable& table,
                       const pricing::CostOptions& options, std::ostream& out);

// The table's content as GitHub-flavoured Markdown: one row per rate line, a row per tier used when a line
// spans several, and the total (cents add up as in the table).
void write_quote_markdown(const pricing::CostResult& result, const pricing::PriceTable& table,
                          const pricing::CostOptions& options, std::ostream& out);

// Header row, then one row per rate line, then a row "total". cost_usd is exact (shortest round-trip).
// Columns: meter,line,unit,quantity,free_quantity,billed_quantity,tiers,cost_usd,borrowed_from; borrowed_from
// is the table whose figure prices the line when `table` borrows it (its assumed:), empty otherwise.
void write_quote_csv(const pricing::CostResult& result, const pricing::PriceTable& table, std::ostream& out);

// {"prices":{name,region,currency,effective_date,path,sha256},"free_tier":bool,
//  "lines":[{meter,line,unit,quantity,free_quantity,cost_usd,tiers:[{from,to,quantity,price_per_unit_usd,cost_usd}]}],
//  "total_usd":..., "total_cents":...[, "assumptions":{"borrowed_price.METER": TABLE}]}. `to` is null for an
//  open-ended tier; "assumptions" only when a quoted meter is priced with a borrowed figure.
void write_quote_json(const pricing::CostResult& result, const pricing::PriceTable& table,
                      const pricing::CostOptions& options, std::ostream& out);

// `prices show NAME`: header (name, region, date, file, sha256), then each rate line with unit, price
// basis, tiers, free tier, source and note, then gaps and metering rules.
void write_price_table_listing(const pricing::PriceTable& table, std::ostream& out);

}  // namespace flowcost::reports
