#pragma once
// The two forms of an offer file. CSV: "FormatVersion", "Disclaimer", "Publication Date", "Version",
// "OfferCode" lines, then the column names, then one row per price dimension (docs/sources.md#price-list-csv). JSON:
// products{SKU: attributes} and terms.OnDemand{SKU: {term: priceDimensions}} (docs/sources.md#price-list-json).
#include "model/diagnostics.h"
#include "model/source_file.h"
#include "pricing/offer.h"

namespace flowcost::pricing {

Offer parse_offer_csv(const model::SourceFile& file, model::Diagnostics& diags);
Offer parse_offer_json(const model::SourceFile& file, model::Diagnostics& diags);

// "Inf" (any case) gives an absent value; otherwise a finite, non-negative number. False on a bad value.
bool parse_range_value(const std::string& text, std::optional<double>& out);

}  // namespace flowcost::pricing
