#pragma once
// The two forms of an offer file. CSV: "FormatVersion", "Disclaimer", "Publication Date", "Version",
// "OfferCode" lines, then the column names, then one row per price dimension (pricing.md 6.3). JSON:
// products{SKU: attributes} and terms.OnDemand{SKU: {term: priceDimensions}} (pricing.md 6.4).
#include "model/diagnostics.h"
#include "model/source_file.h"
#include "pricing/offer.h"

namespace flowcost::pricing {

Offer parse_offer_csv(const model::SourceFile& file, model::Diagnostics& diags);
Offer parse_offer_json(const model::SourceFile& file, model::Diagnostics& diags);

// "Inf" (any case) gives an absent value; otherwise a finite, non-negative number. False on a bad value.
bool parse_range_value(const std::string& text, std::optional<double>& out);

}  // namespace flowcost::pricing
