#pragma once
// A price table: what each meter of model/meters.h costs in one region, with its tiers, free-tier allowance
// and sources, plus the metering rules (per-event rounding) that the simulator applies. Loaded from
// pricing/tables/*.yaml or any file of that format (docs/price-tables.md).
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "model/metering.h"
#include "model/source_location.h"

namespace flowcost::pricing {

// One price band of a rate line: quantities in [from, to) cost `price_usd` per `RateLine::per` units.
// `to` is absent on the last band (open-ended).
struct Tier {
  double from = 0;
  std::optional<double> to;
  double price_usd = 0;  // per RateLine::per units of the meter
  model::SourceLocation where;
};

// An allowance of free units per month. Lines naming the same `shared_pool` draw from one allowance
// (Lambda GB-seconds across x86 and Arm), in table order; an empty pool means the line's own.
struct FreeTier {
  double quantity = 0;
  std::string shared_pool;
};

struct PriceSource {
  std::string url;
  std::string date;
  std::string reference;  // e.g. "docs/sources.md#lambda-prices"
};

// How one meter is billed: the monthly total of `meter` (in `unit`) through `tiers`.
struct RateLine {
  std::string meter;
  std::string label;  // "requests", "duration", ...
  std::string unit;   // the meter's unit, as in model/meters.h
  double per = 1;     // prices are USD per `per` units (1, 1000, 1000000, 3600 for GB-hour on GB-s)
  std::vector<Tier> tiers;
  std::optional<FreeTier> free_tier;
  std::optional<PriceSource> source;
  std::string note;
  model::SourceLocation where;
  std::string borrowed_from;  // the table whose figure this is (the table's `assumed:`); empty: its own
};

// A meter a table prices with another table's rate lines (its `assumed:` section, docs/price-tables.md
// "Borrowed prices"): no sourced figure for the region, so the other table's figure stands in, and every
// report that uses the meter lists it (engine/assumptions.h).
struct BorrowedPrice {
  std::string from;         // as written: a shipped table name or a path (relative to this table's folder)
  std::string from_table;   // the name of that table
  std::string from_path;    // the file it was read from
  std::string from_sha256;  // of that file's bytes
  std::string reason;       // why this table has no figure of its own
  model::SourceLocation where;
};

struct PriceTable {
  std::string name;
  std::string region;
  std::string currency;
  std::string effective_date;  // YYYY-MM-DD
  std::string description;
  std::string path;    // the file it was read from
  std::string sha256;  // of the file's bytes
  std::vector<RateLine> lines;              // in model::known_meters() order, then file order
  std::map<std::string, std::string> gaps;  // meter -> why the table has no price for it
  std::map<std::string, BorrowedPrice> assumed;  // meter -> the table its rate lines are borrowed from
  model::MeteringRules metering;
  std::vector<model::Diagnostic> warnings;  // e.g. a rate line without a source

  bool has_meter(const std::string& meter) const;
};

inline constexpr double kUnbounded = std::numeric_limits<double>::infinity();

}  // namespace flowcost::pricing
