#include "pricing/borrowed_prices.h"

#include <algorithm>
#include <filesystem>

#include "model/errors.h"
#include "model/meters.h"
#include "model/suggest.h"
#include "pricing/meter_names.h"
#include "pricing/table_loader.h"

namespace flowcost::pricing {

namespace {

namespace fs = std::filesystem;

// A shipped name stays a name; a relative path is taken from the borrowing table's folder.
std::string source_table_path(const std::string& from, const std::string& table_path) {
  const bool is_path = from.find('/') != std::string::npos || from.ends_with(".yaml") || from.ends_with(".yml");
  if (!is_path || fs::path(from).is_absolute()) return from;
  return (fs::path(table_path).parent_path() / from).string();
}

std::string scalar(const model::Node& entry, const std::string& key, const std::string& meter,
                   model::Diagnostics& diags) {
  const model::Node* n = entry.find(key);
  if (!n) {
    diags.error(entry.loc, "assumed meter \"" + meter + "\" has no " + key);
    return "";
  }
  if (!n->is_scalar() || n->text.empty()) {
    diags.error(n->loc, "assumed." + meter + "." + key + " must be a non-empty string, not " + n->type_name());
    return "";
  }
  return n->text;
}

}  // namespace

void parse_assumed(const model::Node& assumed, const std::string& table_path, PriceTable& table,
                   model::Diagnostics& diags, bool resolve) {
  if (!assumed.is_mapping()) {
    diags.error(assumed.loc, "assumed must be a mapping of meter name to {from, reason}, not " + assumed.type_name());
    return;
  }
  for (const auto& member : assumed.members) {
    const std::string& meter = member.key;
    if (!model::find_meter(meter)) {
      diags.error(member.key_loc, unknown_meter_message(meter));
      continue;
    }
    if (!member.value.is_mapping()) {
      diags.error(member.value.loc, "assumed." + meter + " must be a mapping {from: TABLE, reason: TEXT}, not " +
                                        member.value.type_name());
      continue;
    }
    model::check_known_keys(member.value, {"from", "reason"}, diags, "assumed key");
    BorrowedPrice b;
    b.from = scalar(member.value, "from", meter, diags);
    b.reason = scalar(member.value, "reason", meter, diags);
    b.where = member.key_loc;
    if (b.from.empty() || b.reason.empty()) continue;
    if (table.has_meter(meter)) {
      diags.error(member.key_loc, "meter \"" + meter + "\" is listed under assumed: but has a rate line");
      continue;
    }
    if (table.gaps.count(meter)) {
      diags.error(member.key_loc, "meter \"" + meter + "\" is listed both under assumed: and as a gap");
      continue;
    }
    if (resolve) {
      PriceTable source;
      try {
        source = load_own_price_table(source_table_path(b.from, table_path));
      } catch (const model::InputError& e) {
        diags.error(member.value.find("from")->loc, "assumed." + meter + ".from: cannot read price table \"" + b.from +
                                                        "\": " + e.diagnostics().front().message);
        continue;
      }
      if (auto own = source.assumed.find(meter); own != source.assumed.end()) {
        diags.error(member.value.find("from")->loc, "price table \"" + source.name + "\" borrows meter \"" + meter +
                                                        "\" itself (from \"" + own->second.from +
                                                        "\"); borrow only a table's own figures");
        continue;
      }
      if (!source.has_meter(meter)) {
        diags.error(member.value.find("from")->loc,
                    "price table \"" + source.name + "\" (" + source.path + ") has no rate line for meter \"" + meter + "\"");
        continue;
      }
      b.from_table = source.name;
      b.from_path = source.path;
      b.from_sha256 = source.sha256;
      for (auto line : source.lines) {
        if (line.meter != meter) continue;
        line.borrowed_from = source.name;
        table.lines.push_back(std::move(line));
      }
    }
    table.assumed[meter] = std::move(b);
  }
}

std::map<std::string, std::string> table_files(const PriceTable& table) {
  std::map<std::string, std::string> out{{table.path, table.sha256}};
  for (const auto& [meter, b] : table.assumed) out[b.from_path] = b.from_sha256;
  return out;
}

std::string borrowed_price_setting(const std::string& meter) { return kBorrowedPricePrefix + meter; }

std::string borrowed_price_source(const PriceTable& table, const BorrowedPrice& borrowed) {
  return "price table " + table.name + ", assumed: " + borrowed.reason;
}

std::string borrowed_price_note(const PriceTable& table, const std::string& meter, const BorrowedPrice& borrowed) {
  return borrowed_price_setting(meter) + "=" + borrowed.from_table + " (" + borrowed_price_source(table, borrowed) + ")";
}

PriceTable without_borrowed_prices(PriceTable table) {
  std::erase_if(table.lines, [](const RateLine& line) { return !line.borrowed_from.empty(); });
  for (const auto& [meter, b] : table.assumed)
    table.gaps[meter] = b.reason + "; the price of " + b.from_table + " is not borrowed under --strict-prices";
  table.assumed.clear();
  return table;
}

}  // namespace flowcost::pricing
