#pragma once
// An AWS Price List offer file (docs/sources.md#price-list-endpoints), reduced to its on-demand price
// dimensions. Read from the CSV form (five metadata lines, then a header row) or the JSON form
// (products + terms.OnDemand ... priceDimensions).
#include <optional>
#include <string>
#include <vector>

#include "model/source_location.h"

namespace flowcost::pricing {

// One on-demand price dimension: a band [begin_range, end_range) of one usage type.
struct OfferRow {
  std::string sku;
  std::string usage_type;   // as written, e.g. "USE1-StateTransition"
  std::string region_code;  // "us-east-1"; empty for global rows (location "Any")
  std::string location;
  std::string unit;
  std::string description;
  double begin_range = 0;
  std::optional<double> end_range;  // absent: "Inf"
  double price_usd = 0;
  std::string price_text;  // the price exactly as written in the offer, e.g. "0.0000166667"
  model::SourceLocation where;
};

struct Offer {
  std::string path;
  std::string format;  // "csv" or "json"
  std::string offer_code;
  std::string version;
  std::string publication_date;  // as written, e.g. "2026-08-31T19:11:04Z"
  model::SourceLocation publication_date_where;  // where it is written (unknown when absent)
  std::vector<OfferRow> rows;    // on-demand only, in file order
};

// Reads `path` (JSON when the first non-blank character is '{', CSV otherwise). Throws
// model::InputError with every problem (missing columns, bad numbers) at its line.
Offer read_offer_file(const std::string& path);

}  // namespace flowcost::pricing
