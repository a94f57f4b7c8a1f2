#include "pricing/table_writer.h"

#include <sstream>

#include "model/metering.h"
#include "model/meters.h"
#include "model/number_format.h"

namespace flowcost::pricing {

namespace {

// A control character (a line break above all) as a YAML escape: raw, it would end a comment or a
// scalar early and the rest of an offer's text would be read as YAML.
bool escape_control(char c, std::string& out) {
  const auto byte = static_cast<unsigned char>(c);
  if (byte >= 0x20 && byte != 0x7f) return false;
  static const char* const hex = "0123456789abcdef";
  if (c == '\n') out += "\\n";
  else if (c == '\r') out += "\\r";
  else if (c == '\t') out += "\\t";
  else out += std::string("\\x") + hex[byte >> 4] + hex[byte & 0xf];
  return true;
}

}  // namespace

std::string yaml_quote(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (escape_control(c, out)) continue;
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string yaml_comment_text(const std::string& text) {
  std::string out;
  for (char c : text)
    if (!escape_control(c, out)) out += c;
  return out;
}

namespace {

void write_metering(std::ostream& out) {
  const model::MeteringRules m;  // the AWS defaults (docs/billing-rules.md)
  out << "metering:\n";
  out << "  lambda: {duration_granularity_ms: " << model::format_shortest(m.lambda_duration_granularity_ms)
      << ", init_billed: " << (m.lambda_init_billed ? "true" : "false") << "}\n";
  out << "  express: {duration_granularity_ms: " << model::format_shortest(m.express_duration_granularity_ms)
      << ", memory_chunk_mb: " << model::format_shortest(m.express_memory_chunk_mb)
      << ", base_memory_mb: " << model::format_shortest(m.express_base_memory_mb) << "}\n";
  out << "  standard: {transitions_per_execution: " << std::to_string(m.standard_transitions_per_execution) << "}\n";
  out << "  iot: {message_unit_bytes: " << std::to_string(m.iot_message_unit_bytes) << "}\n";
  out << "  dynamodb: {write_unit_bytes: " << std::to_string(m.dynamodb_write_unit_bytes)
      << ", read_unit_bytes: " << std::to_string(m.dynamodb_read_unit_bytes) << "}\n";
  out << "  sqs: {chunk_bytes: " << std::to_string(m.sqs_chunk_bytes) << "}\n";
  out << "  sns: {chunk_bytes: " << std::to_string(m.sns_chunk_bytes) << "}\n";
  out << "  kinesis: {payload_unit_bytes: " << std::to_string(m.kinesis_payload_unit_bytes) << "}\n";
  out << "  firehose: {record_unit_bytes: " << std::to_string(m.firehose_record_unit_bytes) << "}\n";
}

}  // namespace

std::string write_imported_table(const ImportedTable& table) {
  const Offer& offer = *table.offer;
  std::ostringstream out;
  out << "# Imported by `flowcost prices import` from " << yaml_comment_text(offer.path) << "\n";
  out << "# offer " << yaml_comment_text(offer.offer_code) << ", version " << yaml_comment_text(offer.version)
      << ", published " << yaml_comment_text(offer.publication_date) << " (" << offer.format << ")\n";
  if (table.unmapped.empty()) {
    out << "# Every usage type of the region was mapped to a meter.\n";
  } else {
    out << "# Usage types of " << table.region << " with no flowcost meter (not imported):\n";
    for (const auto& u : table.unmapped) out << "#   " << yaml_comment_text(u) << "\n";
  }
  out << "table: " << yaml_quote(table.name) << "\n";
  out << "region: " << yaml_quote(table.region) << "\n";
  out << "currency: USD\n";
  out << "effective_date: " << table.effective_date << "\n";
  out << "description: " << yaml_quote("Imported from AWS Price List offer " + offer.offer_code + " " + offer.version)
      << "\n";
  out << "meters:\n";
  for (const auto& line : table.lines) {
    const model::MeterInfo* info = model::find_meter(line.meter);
    out << "  " << line.meter << ":\n";
    out << "    line: " << yaml_quote(line.usage_type) << "\n";
    out << "    unit: " << yaml_quote(std::string(info->unit)) << "\n";
    if (line.per != 1) out << "    per: " << model::format_shortest(line.per) << "\n";
    out << "    tiers:\n";
    for (const auto& t : line.tiers) {
      out << "      - {from: " << model::format_shortest(t.from);
      if (t.to) out << ", to: " << model::format_shortest(*t.to);
      out << ", price: " << t.price_text << "}\n";
    }
    if (line.free_quantity > 0) {
      out << "    free_tier: ";
      if (line.free_pool.empty()) out << model::format_shortest(line.free_quantity) << "\n";
      else out << "{quantity: " << model::format_shortest(line.free_quantity) << ", shared: " << line.free_pool << "}\n";
    }
    out << "    source: {url: " << yaml_quote(offer.path) << ", date: " << yaml_quote(offer.publication_date)
        << ", ref: " << yaml_quote(offer.offer_code + " " + offer.version + ", usage type " + line.usage_type +
                                   ", SKU " + line.sku)
        << "}\n";
    if (!line.description.empty()) out << "    note: " << yaml_quote(line.description) << "\n";
  }
  write_metering(out);
  return out.str();
}

}  // namespace flowcost::pricing
