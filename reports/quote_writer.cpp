#include "reports/quote_writer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "model/number_format.h"
#include "pricing/borrowed_prices.h"
#include "reports/markdown_table.h"

namespace flowcost::reports {

namespace {

using model::format_grouped;
using model::format_shortest;

// Whole quantities without decimals; fractional ones with up to 3 decimals.
std::string format_quantity(double q) {
  if (q == std::trunc(q)) return format_grouped(q, 0);
  std::string s = format_grouped(q, 3);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string tier_bound(double v) { return std::isinf(v) ? "inf" : format_shortest(v); }

// "0.2 per 1000000" / "0.0000166667 per 1"
std::string price_text(double price_usd, double per) {
  return model::format_decimal(price_usd) + " per " + format_shortest(per);
}

// "0-6000000000: 0.0000166667 per 1; 6000000000-15000000000: 0.000015 per 1"
std::string tiers_text(const pricing::LineItem& line) {
  std::string out;
  for (const auto& t : line.tiers) {
    if (!out.empty()) out += "; ";
    out += tier_bound(t.from) + "-" + tier_bound(t.to) + ": " + price_text(t.price_usd, t.per);
  }
  return out;
}

// Whole cents as "4,900.00" (the double nearest to cents/100 prints back exactly with two decimals).
std::string grouped_cents(std::int64_t cents) { return format_grouped(static_cast<double>(cents) / 100.0, 2); }

std::string pad_right(const std::string& s, std::size_t width) {
  return s.size() >= width ? s + " " : s + std::string(width - s.size(), ' ');
}
std::string pad_left(const std::string& s, std::size_t width) {
  return s.size() >= width ? " " + s : std::string(width - s.size(), ' ') + s;
}

// "tier 0 to 1,000,000: 500,000 requests at 0.2 per 1,000,000 = 0.1000"
std::string tier_sentence(const pricing::TierUse& t, const std::string& unit) {
  const std::string range =
      format_quantity(t.from) + " to " + (std::isinf(t.to) ? std::string("above") : format_quantity(t.to));
  return "tier " + range + ": " + format_quantity(t.quantity) + " " + unit + " at " + model::format_decimal(t.price_usd) +
         " per " + format_grouped(t.per, 0) + " = " + model::format_fixed(t.cost_usd, 4);
}

std::string price_basis(const pricing::RateLine& line) {
  if (line.per == 1) return "per 1 " + line.unit;
  if (line.per == 3600) return "per 3,600 " + line.unit + " (per hour)";
  return "per " + format_grouped(line.per, 0) + " " + line.unit;
}

// The quoted meters that the table prices with another table's figure (its assumed:), as run reports list them:
// (name, value, where it is set).
std::vector<std::array<std::string, 3>> borrowed_prices(const pricing::CostResult& result, const pricing::PriceTable& table) {
  std::vector<std::array<std::string, 3>> out;
  for (const auto& l : result.lines) {
    auto b = table.assumed.find(l.meter);
    if (b == table.assumed.end()) continue;
    const std::string name = pricing::borrowed_price_setting(l.meter);
    if (!out.empty() && out.back()[0] == name) continue;  // several lines of one meter
    out.push_back({name, b->second.from_table, pricing::borrowed_price_source(table, b->second)});
  }
  return out;
}

}  // namespace

void write_quote_table(const pricing::CostResult& result, const pricing::PriceTable& table,
                       const pricing::CostOptions& options, std::ostream& out) {
  out << "Prices: " << table.name << " (" << table.region << ", effective " << table.effective_date
      << "), free tier " << (options.free_tier ? "applied" : "not applied") << "\n\n";
  const auto cents = pricing::to_cents(result);
  std::size_t w_meter = 6, w_line = 4;
  for (const auto& l : result.lines) {
    w_meter = std::max(w_meter, l.meter.size());
    w_line = std::max(w_line, l.line.size());
  }
  w_meter += 2;
  w_line += 2;
  out << pad_right("meter", w_meter) << pad_right("line", w_line) << pad_left("quantity", 18) << "  "
      << pad_right("unit", 12) << pad_left("free", 14) << pad_left("cost USD", 14) << "\n";
  for (std::size_t i = 0; i < result.lines.size(); ++i) {
    const auto& l = result.lines[i];
    out << pad_right(l.meter, w_meter) << pad_right(l.line, w_line) << pad_left(format_quantity(l.quantity), 18)
        << "  " << pad_right(l.unit, 12) << pad_left(format_quantity(l.free_quantity), 14)
        << pad_left(grouped_cents(cents.line_cents[i]), 14) << "\n";
    if (l.tiers.size() < 2) continue;
    for (const auto& t : l.tiers) out << pad_right("", w_meter) << "  " << tier_sentence(t, l.unit) << "\n";
  }
  out << pad_right("total", w_meter + w_line + 18 + 2 + 12 + 14) << pad_left(grouped_cents(cents.total_cents), 14)
      << "\n";
  for (const auto& [name, value, where] : borrowed_prices(result, table))
    out << "assumption (" << where << "): " << name << "=" << value << "\n";
}

void write_quote_markdown(const pricing::CostResult& result, const pricing::PriceTable& table,
                          const pricing::CostOptions& options, std::ostream& out) {
  out << "# Quote\n\n- Prices: " << md_cell(table.name) << " (" << md_cell(table.region) << ", effective "
      << md_cell(table.effective_date) << "), free tier " << (options.free_tier ? "applied" : "not applied") << "\n\n";
  const auto cents = pricing::to_cents(result);
  MarkdownTable lines({"meter", "line", "quantity", "unit", "free", "cost USD"}, {false, false, true, false, true, true});
  for (std::size_t i = 0; i < result.lines.size(); ++i) {
    const auto& l = result.lines[i];
    lines.add_row({md_cell(l.meter), md_cell(l.line), format_quantity(l.quantity), md_cell(l.unit),
                   format_quantity(l.free_quantity), grouped_cents(cents.line_cents[i])});
    if (l.tiers.size() < 2) continue;
    for (const auto& t : l.tiers) lines.add_row({"", md_cell(tier_sentence(t, l.unit)), "", "", "", ""});
  }
  lines.add_row({"**total**", "", "", "", "", "**" + grouped_cents(cents.total_cents) + "**"});
  lines.write(out);
  const auto borrowed = borrowed_prices(result, table);
  if (!borrowed.empty()) out << "\n";
  for (const auto& [name, value, where] : borrowed)
    out << "- Assumption (" << md_cell(where) << "): " << md_cell(name) << "=" << md_cell(value) << "\n";
}

void write_quote_csv(const pricing::CostResult& result, const pricing::PriceTable& table, std::ostream& out) {
  out << "meter,line,unit,quantity,free_quantity,billed_quantity,tiers,cost_usd,borrowed_from\r\n";
  for (const auto& l : result.lines) {
    double billed = 0;
    for (const auto& t : l.tiers) billed += t.quantity;
    const auto borrowed = table.assumed.find(l.meter);
    out << csv_field(l.meter) << ',' << csv_field(l.line) << ',' << csv_field(l.unit) << ','
        << format_shortest(l.quantity) << ',' << format_shortest(l.free_quantity) << ',' << format_shortest(billed)
        << ',' << csv_field(tiers_text(l)) << ',' << model::format_decimal(l.cost_usd) << ','
        << (borrowed == table.assumed.end() ? "" : csv_field(borrowed->second.from_table)) << "\r\n";
  }
  out << "total,,,,,,," << model::format_decimal(result.total_usd) << ",\r\n";
}

void write_quote_json(const pricing::CostResult& result, const pricing::PriceTable& table,
                      const pricing::CostOptions& options, std::ostream& out) {
  nlohmann::ordered_json doc;
  doc["tool_version"] = FLOWCOST_VERSION;
  doc["prices"] = {{"name", table.name},     {"region", table.region}, {"currency", table.currency},
                   {"effective_date", table.effective_date}, {"path", table.path}, {"sha256", table.sha256}};
  doc["free_tier"] = options.free_tier;
  const auto cents = pricing::to_cents(result);
  doc["lines"] = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < result.lines.size(); ++i) {
    const auto& l = result.lines[i];
    nlohmann::ordered_json line;
    line["meter"] = l.meter;
    line["line"] = l.line;
    line["unit"] = l.unit;
    line["quantity"] = l.quantity;
    line["free_quantity"] = l.free_quantity;
    line["cost_usd"] = l.cost_usd;
    line["cost_cents"] = cents.line_cents[i];
    line["tiers"] = nlohmann::ordered_json::array();
    for (const auto& t : l.tiers) {
      nlohmann::ordered_json tier;
      tier["from"] = t.from;
      tier["to"] = std::isinf(t.to) ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(t.to);
      tier["quantity"] = t.quantity;
      tier["price_usd"] = t.price_usd;
      tier["per"] = t.per;
      tier["price_per_unit_usd"] = t.price_per_unit_usd;
      tier["cost_usd"] = t.cost_usd;
      line["tiers"].push_back(tier);
    }
    doc["lines"].push_back(line);
  }
  doc["total_usd"] = result.total_usd;
  doc["total_cents"] = cents.total_cents;
  // Only when a quoted meter is priced with a borrowed figure, as run reports' designs[].assumptions.
  const auto borrowed = borrowed_prices(result, table);
  if (!borrowed.empty()) {
    doc["assumptions"] = nlohmann::ordered_json::object();
    for (const auto& [name, value, where] : borrowed) doc["assumptions"][name] = value;
  }
  out << doc.dump(2) << "\n";
}

void write_price_table_listing(const pricing::PriceTable& table, std::ostream& out) {
  out << "Price table " << table.name << "\n";
  out << "  region          " << table.region << "\n";
  out << "  currency        " << table.currency << "\n";
  out << "  effective date  " << table.effective_date << "\n";
  out << "  file            " << table.path << "\n";
  out << "  sha256          " << table.sha256 << "\n";
  if (!table.description.empty()) out << "  description     " << table.description << "\n";
  for (const auto& line : table.lines) {
    out << "\n" << line.meter << "  (" << line.label << ", prices USD " << price_basis(line) << ")";
    if (!line.borrowed_from.empty()) out << "  borrowed from " << line.borrowed_from;
    out << "\n";
    for (const auto& t : line.tiers) {
      std::string range = format_quantity(t.from) + " to " + (t.to ? format_quantity(*t.to) : std::string("above"));
      out << "    " << pad_right(range, 40) << model::format_decimal(t.price_usd) << "\n";
    }
    if (line.free_tier) {
      out << "    free tier: " << format_quantity(line.free_tier->quantity) << " " << line.unit << " per month";
      if (!line.free_tier->shared_pool.empty()) out << " (shared pool " << line.free_tier->shared_pool << ")";
      out << "\n";
    }
    if (line.source) {
      out << "    source:";
      if (!line.source->url.empty()) out << " " << line.source->url;
      if (!line.source->date.empty()) out << " (" << line.source->date << ")";
      if (!line.source->reference.empty()) out << " [" << line.source->reference << "]";
      out << "\n";
    } else {
      out << "    source: none given\n";
    }
    if (!line.note.empty()) out << "    note: " << line.note << "\n";
  }
  if (!table.assumed.empty()) {
    out << "\nBorrowed prices (assumed: meters priced with another table's figures; --strict-prices refuses them):\n";
    for (const auto& [meter, b] : table.assumed)
      out << "  " << pad_right(meter, 30) << "from " << b.from_table << " (" << b.from_path << "): " << b.reason << "\n";
  }
  if (!table.gaps.empty()) {
    out << "\nGaps (meters this table cannot price):\n";
    for (const auto& [meter, why] : table.gaps) out << "  " << pad_right(meter, 30) << why << "\n";
  }
  const auto& m = table.metering;
  out << "\nMetering rules:\n";
  out << "  Lambda duration rounded up to " << format_shortest(m.lambda_duration_granularity_ms) << " ms; INIT "
      << (m.lambda_init_billed ? "billed" : "not billed") << "\n";
  out << "  Express duration rounded up to " << format_shortest(m.express_duration_granularity_ms)
      << " ms; memory in " << format_shortest(m.express_memory_chunk_mb) << " MB chunks (base "
      << format_shortest(m.express_base_memory_mb) << " MB)\n";
  out << "  Standard: " << std::to_string(m.standard_transitions_per_execution) << " extra transitions per execution\n";
  out << "  IoT message unit " << std::to_string(m.iot_message_unit_bytes) << " B; DynamoDB write unit " << std::to_string(m.dynamodb_write_unit_bytes)
      << " B, read unit " << std::to_string(m.dynamodb_read_unit_bytes) << " B\n";
  out << "  SQS chunk " << std::to_string(m.sqs_chunk_bytes) << " B; SNS chunk " << std::to_string(m.sns_chunk_bytes) << " B; Kinesis unit "
      << std::to_string(m.kinesis_payload_unit_bytes) << " B; Firehose record unit " << std::to_string(m.firehose_record_unit_bytes) << " B\n";
}

}  // namespace flowcost::reports
