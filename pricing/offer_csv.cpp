#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>

#include "model/csv_reader.h"
#include "pricing/offer_formats.h"

namespace flowcost::pricing {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

bool parse_double(const std::string& text, double& out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return !text.empty() && ec == std::errc() && end == text.data() + text.size() && std::isfinite(out);
}

}  // namespace

bool parse_range_value(const std::string& text, std::optional<double>& out) {
  if (lower(text) == "inf") {
    out.reset();
    return true;
  }
  double v = 0;
  if (!parse_double(text, v) || v < 0) return false;
  out = v;
  return true;
}

Offer parse_offer_csv(const model::SourceFile& file, model::Diagnostics& diags) {
  Offer offer;
  offer.path = file.path;
  offer.format = "csv";
  auto records = model::parse_csv(file.text, file.path, diags);
  // The metadata lines: "Key","Value" until the header row (the first record with "SKU").
  std::size_t header = 0;
  for (; header < records.size(); ++header) {
    const auto& f = records[header].fields;
    if (!f.empty() && lower(f[0]) == "sku") break;
    if (f.size() < 2) continue;
    std::string key = lower(f[0]);
    if (key == "publication date") {
      offer.publication_date = f[1];
      offer.publication_date_where = {file.path, records[header].line, 1};
    }
    else if (key == "version") offer.version = f[1];
    else if (key == "offercode") offer.offer_code = f[1];
  }
  if (header == records.size()) {
    diags.error({file.path, 1, 1}, "not an AWS offer CSV: no header row starting with \"SKU\" after the metadata lines");
    return offer;
  }
  std::map<std::string, std::size_t> column;
  const auto& names = records[header].fields;
  for (std::size_t i = 0; i < names.size(); ++i) column.emplace(lower(names[i]), i);
  const int header_line = records[header].line;
  auto need = [&](const std::string& name) -> std::optional<std::size_t> {
    auto it = column.find(lower(name));
    if (it != column.end()) return it->second;
    diags.error({file.path, header_line, 1}, "offer CSV has no \"" + name + "\" column");
    return std::nullopt;
  };
  auto c_term = need("TermType"), c_begin = need("StartingRange"), c_end = need("EndingRange"),
       c_unit = need("Unit"), c_price = need("PricePerUnit"), c_usage = need("usageType");
  if (!c_term || !c_begin || !c_end || !c_unit || !c_price || !c_usage) return offer;
  auto optional_column = [&](const std::string& name) -> std::optional<std::size_t> {
    auto it = column.find(lower(name));
    return it == column.end() ? std::nullopt : std::optional<std::size_t>(it->second);
  };
  auto c_region = optional_column("Region Code"), c_location = optional_column("Location"),
       c_sku = optional_column("SKU"), c_desc = optional_column("PriceDescription"),
       c_currency = optional_column("Currency");
  auto get = [](const model::CsvRecord& r, std::optional<std::size_t> c) -> std::string {
    return c && *c < r.fields.size() ? r.fields[*c] : std::string();
  };

  for (std::size_t i = header + 1; i < records.size(); ++i) {
    const model::CsvRecord& r = records[i];
    if (r.fields.size() != names.size()) {
      diags.error({file.path, r.line, 1}, "row has " + std::to_string(r.fields.size()) + " fields, the header has " +
                                              std::to_string(names.size()));
      continue;
    }
    if (lower(get(r, c_term)) != "ondemand") continue;
    if (c_currency && !get(r, c_currency).empty() && get(r, c_currency) != "USD") continue;
    OfferRow row;
    row.where = {file.path, r.line, 1};
    row.sku = get(r, c_sku);
    row.usage_type = get(r, c_usage);
    row.region_code = get(r, c_region);
    row.location = get(r, c_location);
    row.unit = get(r, c_unit);
    row.description = get(r, c_desc);
    row.price_text = get(r, c_price);
    std::optional<double> begin;
    if (!parse_range_value(get(r, c_begin), begin) || !begin) {
      diags.error(row.where, "StartingRange \"" + get(r, c_begin) + "\" is not a non-negative number");
      continue;
    }
    row.begin_range = *begin;
    if (!parse_range_value(get(r, c_end), row.end_range)) {
      diags.error(row.where, "EndingRange \"" + get(r, c_end) + "\" is not a number or Inf");
      continue;
    }
    if (!parse_double(row.price_text, row.price_usd) || row.price_usd < 0) {
      diags.error(row.where, "PricePerUnit \"" + row.price_text + "\" is not a non-negative number");
      continue;
    }
    offer.rows.push_back(std::move(row));
  }
  return offer;
}

}  // namespace flowcost::pricing
