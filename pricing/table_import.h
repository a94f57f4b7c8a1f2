#pragma once
// Building a price table from an AWS Price List offer (`flowcost prices import`): usage types mapped to
// meters (pricing/usage_types.h), rows of the region kept, tiers from the ranges, free tiers from $0
// bands and Global- rows. The result is YAML text that load_price_table accepts.
#include <string>
#include <vector>

#include "pricing/offer.h"

namespace flowcost::pricing {

struct ImportOptions {
  std::string region;      // e.g. "us-east-1"; rows of other regions are ignored
  std::string table_name;  // empty: "imported-<offer code>-<region>" in lower case
};

struct ImportResult {
  std::string yaml;                   // the table, deterministic (meters in model::known_meters() order)
  std::vector<std::string> mapped;    // "USE1-StateTransition -> sfn.standard.transitions"
  std::vector<std::string> unmapped;  // usage types of the region with no meter (distinct, sorted)
  std::vector<std::string> skipped;   // mapped rows not used, with the reason
};

// Throws model::InputError when the offer has no publication date or no usage type of `region` maps to
// a meter (the message lists what was found).
ImportResult import_offer(const Offer& offer, const ImportOptions& options);

}  // namespace flowcost::pricing
