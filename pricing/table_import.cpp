#include "pricing/table_import.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "model/errors.h"
#include "model/meters.h"
#include "pricing/iso_date.h"
#include "pricing/table_writer.h"
#include "pricing/usage_types.h"

namespace flowcost::pricing {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// A row belongs to `region` by its region code; without one (older files), by its usage-type prefix
// when that prefix is a known region's, else it is kept.
bool in_region(const OfferRow& row, const std::string& region, const std::optional<UsageTypeMatch>& match) {
  if (match && match->free_tier_row) return true;  // Global- rows have no region (location "Any")
  if (!row.region_code.empty()) return lower(row.region_code) == lower(region);
  std::string prefix_region;
  if (match) {
    prefix_region = region_of_prefix(match->prefix);
  } else if (auto dash = row.usage_type.find('-'); dash != std::string::npos && dash > 0) {
    prefix_region = region_of_prefix(row.usage_type.substr(0, dash));  // an unmapped "EU-Something"
  }
  return prefix_region.empty() || prefix_region == lower(region);
}

// The rows of one usage type (one SKU) as tiers; the leading $0 bands become the free allowance.
// Returns the reason when the bands do not form a contiguous chain from 0 to Inf.
std::string build_tiers(std::vector<const OfferRow*> rows, ImportedLine& line) {
  std::sort(rows.begin(), rows.end(), [](const OfferRow* a, const OfferRow* b) { return a->begin_range < b->begin_range; });
  std::size_t i = 0;
  double free_end = 0;
  while (i < rows.size() && rows[i]->price_usd == 0 && rows[i]->end_range && i + 1 < rows.size()) {
    free_end = *rows[i]->end_range;
    ++i;
  }
  if (free_end > 0) line.free_quantity = free_end;
  double expected = free_end;
  for (; i < rows.size(); ++i) {
    const OfferRow& r = *rows[i];
    if (r.begin_range != expected) return "its ranges are not contiguous at " + r.price_text;
    ImportedTier t;
    t.from = line.tiers.empty() ? 0 : r.begin_range;  // a free band is folded into the first tier
    t.to = r.end_range;
    t.price_text = r.price_text;
    t.price_usd = r.price_usd;
    line.tiers.push_back(t);
    if (!r.end_range) {
      if (i + 1 != rows.size()) return "a range after an open-ended one";
      return "";
    }
    expected = *r.end_range;
  }
  return "its last range is not open-ended (Inf)";
}

// Bounds and free quantity from the offer's unit to the meter's (an hour-priced Fargate rate: x 3600 seconds);
// the prices stay as written, per `per` meter units.
void in_meter_units(ImportedLine& line, double per) {
  if (per == 1) return;
  line.per = per;
  line.free_quantity *= per;
  for (auto& t : line.tiers) {
    t.from *= per;
    if (t.to) *t.to *= per;
  }
}

bool same_prices(const ImportedLine& a, const ImportedLine& b) {
  if (a.tiers.size() != b.tiers.size() || a.free_quantity != b.free_quantity) return false;
  for (std::size_t i = 0; i < a.tiers.size(); ++i) {
    if (a.tiers[i].from != b.tiers[i].from || a.tiers[i].to != b.tiers[i].to) return false;
    if (a.tiers[i].price_usd != b.tiers[i].price_usd) return false;
  }
  return true;
}

}  // namespace

ImportResult import_offer(const Offer& offer, const ImportOptions& options) {
  ImportResult result;
  const model::SourceLocation where{offer.path, 0, 0};
  if (offer.publication_date.empty())
    throw model::InputError(where, "the offer has no publication date (needed as the table's effective date)");
  if (offer.publication_date.size() < 10 || !is_iso_date(offer.publication_date.substr(0, 10)))
    throw model::InputError(offer.publication_date_where.known() ? offer.publication_date_where : where,
                            "the offer's publication date \"" + offer.publication_date +
                                "\" does not start with a date YYYY-MM-DD (needed as the table's effective date)");

  // Group the region's rows: meter usage types by (usage type, SKU); Global- rows separately.
  std::map<std::string, std::vector<const OfferRow*>> by_usage;  // key: usage type + '\n' + sku
  std::map<std::string, UsageTypeMatch> matches;
  std::set<std::string> unmapped;
  for (const auto& row : offer.rows) {
    auto match = match_usage_type(offer.offer_code, row.usage_type);
    if (!in_region(row, options.region, match)) continue;
    if (!match) {
      unmapped.insert(row.usage_type);
      continue;
    }
    std::string key = row.usage_type + '\n' + row.sku;
    by_usage[key].push_back(&row);
    matches.emplace(key, *match);
  }

  std::map<std::string, ImportedLine> lines;  // by meter
  std::map<std::string, std::pair<double, std::string>> free_from_global;  // meter -> allowance, pool
  // Walk in mapping priority: the order of the offer's rows.
  std::vector<std::string> keys;
  for (const auto& row : offer.rows) {
    std::string key = row.usage_type + '\n' + row.sku;
    if (by_usage.count(key) && std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
  }
  std::stable_sort(keys.begin(), keys.end(), [&](const std::string& a, const std::string& b) {
    return matches.at(a).base.size() < matches.at(b).base.size();  // "Request" before "Request-ARM"
  });
  for (const auto& key : keys) {
    const UsageTypeMatch& m = matches.at(key);
    const auto& rows = by_usage.at(key);
    const std::string usage = rows.front()->usage_type;
    if (m.free_tier_row) {
      double allowance = 0;
      for (const OfferRow* r : rows)
        if (r->price_usd == 0 && r->end_range) allowance = std::max(allowance, *r->end_range);
      for (const auto& meter : m.meters) free_from_global[meter] = {allowance * m.per, m.shared_pool};
      result.mapped.push_back(usage + " -> free tier of " + m.meters.front() + (m.meters.size() > 1 ? " and others" : ""));
      continue;
    }
    const std::string& meter = m.meters.front();
    if (lines.count(meter)) {
      ImportedLine other;
      build_tiers(rows, other);
      in_meter_units(other, m.per);
      const bool same = same_prices(other, lines.at(meter));
      result.skipped.push_back(usage + " (SKU " + rows.front()->sku + "): " + meter + " is already priced by " +
                               lines.at(meter).usage_type + (same ? " (same prices)" : " (different prices, not used)"));
      continue;
    }
    ImportedLine line;
    line.meter = meter;
    line.usage_type = usage;
    line.sku = rows.front()->sku;
    line.description = rows.front()->description;
    std::string problem = build_tiers(rows, line);
    if (!problem.empty()) {
      result.skipped.push_back(usage + " (SKU " + line.sku + "): " + problem);
      continue;
    }
    in_meter_units(line, m.per);
    result.mapped.push_back(usage + " -> " + meter);
    lines.emplace(meter, std::move(line));
  }
  for (const auto& [meter, free] : free_from_global) {
    auto it = lines.find(meter);
    if (it == lines.end()) continue;
    it->second.free_quantity = free.first;
    it->second.free_pool = free.second;
  }
  result.unmapped.assign(unmapped.begin(), unmapped.end());
  if (lines.empty()) {
    std::string message = "no usage type of offer " + (offer.offer_code.empty() ? std::string("?") : offer.offer_code) +
                          " for region " + options.region + " maps to a flowcost meter";
    if (!result.unmapped.empty()) message += " (found " + std::to_string(result.unmapped.size()) + " unmapped usage types)";
    throw model::InputError(where, message);
  }

  ImportedTable table;
  table.name = options.table_name.empty() ? lower("imported-" + offer.offer_code + "-" + options.region) : options.table_name;
  table.region = options.region;
  table.effective_date = offer.publication_date.substr(0, 10);
  table.offer = &offer;
  for (const auto& info : model::known_meters()) {
    auto it = lines.find(std::string(info.name));
    if (it != lines.end()) table.lines.push_back(it->second);
  }
  table.unmapped = result.unmapped;
  result.yaml = write_imported_table(table);
  return result;
}

}  // namespace flowcost::pricing
