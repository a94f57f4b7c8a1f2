#include <charconv>
#include <cmath>

#include "model/document.h"
#include "pricing/offer_formats.h"

namespace flowcost::pricing {

namespace {

std::string text_of(const model::Node* n) { return n && n->is_scalar() ? n->text : std::string(); }

// The attribute, trying the spellings seen in real files (usagetype / usageType, regionCode).
std::string attribute(const model::Node* attrs, std::initializer_list<const char*> names) {
  if (!attrs) return "";
  for (const char* name : names)
    if (const model::Node* n = attrs->find(name)) return text_of(n);
  return "";
}

void read_dimension(const model::Node& dim, const model::Node* product, Offer& offer, model::Diagnostics& diags) {
  OfferRow row;
  row.where = dim.loc;
  const model::Node* attrs = product ? product->find("attributes") : nullptr;
  row.sku = text_of(product ? product->find("sku") : nullptr);
  row.usage_type = attribute(attrs, {"usagetype", "usageType"});
  row.region_code = attribute(attrs, {"regionCode", "regioncode"});
  row.location = attribute(attrs, {"location"});
  row.unit = text_of(dim.find("unit"));
  row.description = text_of(dim.find("description"));
  const model::Node* begin = dim.find("beginRange");
  if (!begin) begin = dim.find("startingRange");
  const model::Node* end = dim.find("endRange");
  if (!end) end = dim.find("endingRange");
  const model::Node* price = dim.find("pricePerUnit");
  const model::Node* usd = price ? price->find("USD") : nullptr;
  if (!begin || !end || !usd) {
    diags.error(dim.loc, "price dimension needs beginRange (or startingRange), endRange (or endingRange) and pricePerUnit.USD");
    return;
  }
  std::optional<double> b;
  if (!parse_range_value(begin->text, b) || !b) {
    diags.error(begin->loc, "range start \"" + begin->text + "\" is not a non-negative number");
    return;
  }
  row.begin_range = *b;
  if (!parse_range_value(end->text, row.end_range)) {
    diags.error(end->loc, "range end \"" + end->text + "\" is not a number or Inf");
    return;
  }
  row.price_text = usd->text;
  auto [p, ec] = std::from_chars(usd->text.data(), usd->text.data() + usd->text.size(), row.price_usd);
  if (usd->text.empty() || ec != std::errc() || p != usd->text.data() + usd->text.size() ||
      !std::isfinite(row.price_usd) || row.price_usd < 0) {
    diags.error(usd->loc, "price \"" + usd->text + "\" is not a non-negative number");
    return;
  }
  if (product == nullptr) {
    diags.error(dim.loc, "price dimension of a SKU that is not in products");
    return;
  }
  offer.rows.push_back(std::move(row));
}

}  // namespace

Offer parse_offer_json(const model::SourceFile& file, model::Diagnostics& diags) {
  Offer offer;
  offer.path = file.path;
  offer.format = "json";
  auto root = model::parse_document(file, diags);
  if (!root) return offer;
  if (!root->is_mapping()) {
    diags.error(root->loc, "not an AWS offer file: the top level must be an object");
    return offer;
  }
  offer.offer_code = text_of(root->find("offerCode"));
  offer.version = text_of(root->find("version"));
  offer.publication_date = text_of(root->find("publicationDate"));
  if (const model::Node* date = root->find("publicationDate")) offer.publication_date_where = date->loc;
  const model::Node* products = root->find("products");
  const model::Node* terms = root->find("terms");
  const model::Node* on_demand = terms ? terms->find("OnDemand") : nullptr;
  if (!products || !products->is_mapping() || !on_demand || !on_demand->is_mapping()) {
    diags.error(root->loc, "not an AWS offer file: it needs \"products\" and \"terms.OnDemand\" objects");
    return offer;
  }
  for (const auto& sku_terms : on_demand->members) {
    const model::Node* product = products->find(sku_terms.key);
    if (!sku_terms.value.is_mapping()) continue;
    for (const auto& term : sku_terms.value.members) {
      const model::Node* dims = term.value.find("priceDimensions");
      if (!dims || !dims->is_mapping()) {
        diags.error(term.key_loc, "offer term \"" + term.key + "\" has no priceDimensions object");
        continue;
      }
      for (const auto& dim : dims->members) read_dimension(dim.value, product, offer, diags);
    }
  }
  return offer;
}

}  // namespace flowcost::pricing
