#include "model/errors.h"
#include "model/source_file.h"
#include "pricing/offer.h"
#include "pricing/offer_formats.h"

namespace flowcost::pricing {

Offer read_offer_file(const std::string& path) {
  model::SourceFile file = model::read_source_file(path);
  model::Diagnostics diags;
  std::size_t first = file.text.find_first_not_of(" \t\r\n");
  Offer offer = first != std::string::npos && file.text[first] == '{' ? parse_offer_json(file, diags)
                                                                       : parse_offer_csv(file, diags);
  diags.sort();
  diags.throw_if_errors();
  return offer;
}

}  // namespace flowcost::pricing
