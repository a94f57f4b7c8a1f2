// The AWS Price List offer readers (CSV and JSON) on arbitrary text; an offer that reads is imported for
// us-east-1 and the table it produces must parse without error.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "fuzz_util.h"
#include "model/errors.h"
#include "model/source_file.h"
#include "pricing/offer_formats.h"
#include "pricing/table_import.h"
#include "pricing/table_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace flowcost;
  std::string text = fuzz::text_of(data, size);
  const bool json = text.find_first_not_of(" \t\r\n") != std::string::npos && text[text.find_first_not_of(" \t\r\n")] == '{';
  try {
    model::SourceFile file = model::make_source_file(json ? "fuzz.json" : "fuzz.csv", std::move(text));
    model::Diagnostics diags;
    pricing::Offer offer = json ? pricing::parse_offer_json(file, diags) : pricing::parse_offer_csv(file, diags);
    if (diags.has_errors()) return 0;
    pricing::ImportResult result = pricing::import_offer(offer, {"us-east-1", ""});
    model::Diagnostics table_diags;
    pricing::parse_price_table(model::make_source_file("imported.yaml", result.yaml), table_diags);
    if (table_diags.has_errors()) {
      // The importer wrote a table flowcost itself refuses: a finding.
      for (const auto& d : table_diags.items()) std::fprintf(stderr, "%s\n", model::diagnostic_headline(d).c_str());
      std::abort();
    }
  } catch (const model::InputError&) {
  }
  return 0;
}
