#pragma once
// Writing an imported price table as YAML text in the format of docs/price-tables.md, deterministic:
// the same offer and options give the same bytes.
#include <optional>
#include <string>
#include <vector>

#include "pricing/offer.h"

namespace flowcost::pricing {

struct ImportedTier {
  double from = 0;
  std::optional<double> to;
  std::string price_text;  // USD per unit, exactly as in the offer
  double price_usd = 0;
};

struct ImportedLine {
  std::string meter;
  std::string usage_type;
  std::string sku;
  std::string description;
  double per = 1;  // prices are USD per this many meter units (the offer's unit, e.g. 3600 vCPU-s = 1 vCPU-hour)
  std::vector<ImportedTier> tiers;
  double free_quantity = 0;
  std::string free_pool;
};

struct ImportedTable {
  std::string name;
  std::string region;
  std::string effective_date;
  const Offer* offer = nullptr;
  std::vector<ImportedLine> lines;  // in model::known_meters() order
  std::vector<std::string> unmapped;
};

std::string write_imported_table(const ImportedTable& table);

// A YAML double-quoted scalar; control characters are escaped (\n, \r, \t, \xNN).
std::string yaml_quote(const std::string& text);

// Text for a YAML comment: the same escapes, so that text from an offer never ends the comment's line.
std::string yaml_comment_text(const std::string& text);

}  // namespace flowcost::pricing
