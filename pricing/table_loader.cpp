#include "pricing/table_loader.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "model/document.h"
#include "model/errors.h"
#include "model/meters.h"
#include "model/metering_loader.h"
#include "model/suggest.h"
#include "pricing/borrowed_prices.h"
#include "pricing/iso_date.h"
#include "pricing/meter_names.h"
#include "pricing/rate_line_parser.h"

namespace flowcost::pricing {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kTopKeys = {"table",       "region",  "currency", "effective_date",
                                           "description", "meters", "gaps",     "assumed", "metering"};


std::string required_text(const model::Node& root, const std::string& key, model::Diagnostics& diags) {
  const model::Node* n = root.find(key);
  if (!n) {
    diags.error(root.loc, "price table has no " + key);
    return "";
  }
  if (!n->is_scalar() || n->text.empty()) {
    diags.error(n->loc, key + " must be a non-empty string, not " + n->type_name());
    return "";
  }
  return n->text;
}

std::size_t meter_rank(const std::string& meter) {
  const auto& all = model::known_meters();
  for (std::size_t i = 0; i < all.size(); ++i)
    if (all[i].name == meter) return i;
  return all.size();
}

void sort_lines(PriceTable& table) {
  std::stable_sort(table.lines.begin(), table.lines.end(),
                   [](const RateLine& a, const RateLine& b) { return meter_rank(a.meter) < meter_rank(b.meter); });
}

void parse_meters(const model::Node& meters, PriceTable& table, model::Diagnostics& diags) {
  if (!meters.is_mapping()) {
    diags.error(meters.loc, "meters must be a mapping of meter name to rate lines, not " + meters.type_name());
    return;
  }
  for (const auto& member : meters.members) {
    const model::MeterInfo* info = model::find_meter(member.key);
    if (!info) {
      diags.error(member.key_loc, unknown_meter_message(member.key));
      continue;
    }
    parse_rate_lines(*info, member, table.lines, diags);
  }
  sort_lines(table);
}

void parse_gaps(const model::Node& gaps, PriceTable& table, model::Diagnostics& diags) {
  if (!gaps.is_mapping()) {
    diags.error(gaps.loc, "gaps must be a mapping of meter name to the reason, not " + gaps.type_name());
    return;
  }
  for (const auto& member : gaps.members) {
    if (!model::find_meter(member.key)) {
      diags.error(member.key_loc, unknown_meter_message(member.key));
      continue;
    }
    if (table.has_meter(member.key))
      diags.error(member.key_loc, "meter \"" + member.key + "\" is listed as a gap but has a rate line");
    table.gaps[member.key] = member.value.text;
  }
}

// Lines sharing a free-tier pool must agree on the allowance.
void check_shared_pools(const PriceTable& table, model::Diagnostics& diags) {
  std::map<std::string, const RateLine*> first;
  for (const auto& line : table.lines) {
    if (!line.free_tier || line.free_tier->shared_pool.empty()) continue;
    auto [it, inserted] = first.emplace(line.free_tier->shared_pool, &line);
    if (!inserted && it->second->free_tier->quantity != line.free_tier->quantity)
      diags.error(line.where, "free_tier pool \"" + line.free_tier->shared_pool + "\" has a different quantity for \"" +
                                  it->second->meter + "\"; lines sharing a pool must give the same quantity");
  }
}

}  // namespace

bool is_iso_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  int month = std::stoi(s.substr(5, 2));
  int day = std::stoi(s.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

bool PriceTable::has_meter(const std::string& meter) const {
  return std::any_of(lines.begin(), lines.end(), [&](const RateLine& l) { return l.meter == meter; });
}

PriceTable parse_price_table(const model::SourceFile& file, model::Diagnostics& diags, bool borrow) {
  PriceTable table;
  table.path = file.path;
  table.sha256 = model::sha256_hex(file.text);
  auto root = model::parse_document(file, diags);
  if (!root) return table;
  if (!root->is_mapping()) {
    diags.error(root->loc, "a price table must be a mapping, not " + root->type_name());
    return table;
  }
  model::check_known_keys(*root, kTopKeys, diags, "price table key");
  table.name = required_text(*root, "table", diags);
  table.region = required_text(*root, "region", diags);
  table.currency = required_text(*root, "currency", diags);
  if (!table.currency.empty() && table.currency != "USD")
    diags.error(root->find("currency")->loc, "currency must be USD (flowcost prices in US dollars), not " + table.currency);
  table.effective_date = required_text(*root, "effective_date", diags);
  if (!table.effective_date.empty() && !is_iso_date(table.effective_date))
    diags.error(root->find("effective_date")->loc,
                "effective_date must be a date YYYY-MM-DD, not " + table.effective_date);
  if (const model::Node* d = root->find("description")) table.description = d->text;

  if (const model::Node* meters = root->find("meters")) parse_meters(*meters, table, diags);
  else diags.error(root->loc, "price table has no meters");
  if (const model::Node* gaps = root->find("gaps")) parse_gaps(*gaps, table, diags);
  if (const model::Node* assumed = root->find("assumed")) {
    parse_assumed(*assumed, file.path, table, diags, borrow);
    sort_lines(table);
  }
  check_shared_pools(table, diags);

  if (const model::Node* metering = root->find("metering")) {
    table.metering = model::parse_metering_rules(*metering, diags);
  } else {
    diags.warning(root->loc, "price table has no metering section; the AWS defaults apply");
  }
  table.metering.source = file.path;
  return table;
}

std::vector<std::string> shipped_table_names() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(FLOWCOST_TABLES_DIR, ec)) {
    if (entry.path().extension() == ".yaml") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

bool is_shipped_table(const std::string& name) {
  if (name.empty() || name.find_first_of(std::string_view("/\\\0", 3)) != std::string::npos) return false;
  std::error_code ec;  // a name longer than NAME_MAX is not a shipped table
  return fs::exists(shipped_table_path(name), ec);
}

std::string shipped_table_path(const std::string& name) {
  return (fs::path(FLOWCOST_TABLES_DIR) / (name + ".yaml")).string();
}

std::string resolve_price_table_path(const std::string& name_or_path) {
  const bool looks_like_path = name_or_path.find('/') != std::string::npos ||
                               name_or_path.find('\\') != std::string::npos ||
                               (name_or_path.size() > 5 && (name_or_path.ends_with(".yaml") || name_or_path.ends_with(".yml") ||
                                                            name_or_path.ends_with(".json")));
  if (looks_like_path) return name_or_path;
  if (is_shipped_table(name_or_path)) return shipped_table_path(name_or_path);
  const auto names = shipped_table_names();  // for the message
  std::error_code ec;  // a name longer than NAME_MAX is "not there", not an internal error
  if (fs::exists(name_or_path, ec)) return name_or_path;
  std::string message = model::unknown_name_message("price table", name_or_path, names);
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
  message += " (shipped tables: " + list + "; or give a path to a .yaml file)";
  throw model::InputError(model::SourceLocation{"flowcost", 0, 0}, message);
}

std::string scenario_price_table(const std::string& prices, const std::string& scenario_directory) {
  const bool is_path = prices.find('/') != std::string::npos || (prices.size() > 5 && prices.ends_with(".yaml"));
  if (!is_path || prices.empty() || prices.front() == '/' || scenario_directory.empty()) return prices;
  return scenario_directory + "/" + prices;
}

namespace {

PriceTable load_table(const std::string& name_or_path, bool borrow) {
  std::string path = resolve_price_table_path(name_or_path);
  model::SourceFile file = model::read_source_file(path);
  model::Diagnostics diags;
  PriceTable table = parse_price_table(file, diags, borrow);
  diags.sort();
  diags.throw_if_errors();
  for (const auto& d : diags.items())
    if (d.severity == model::Severity::warning) table.warnings.push_back(d);
  return table;
}

}  // namespace

PriceTable load_price_table(const std::string& name_or_path) { return load_table(name_or_path, true); }

PriceTable load_own_price_table(const std::string& name_or_path) { return load_table(name_or_path, false); }

}  // namespace flowcost::pricing
