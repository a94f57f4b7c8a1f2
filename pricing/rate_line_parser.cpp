#include "pricing/rate_line_parser.h"

#include <cmath>

#include "model/number_format.h"
#include "model/suggest.h"

namespace flowcost::pricing {

namespace {

const std::vector<std::string> kLineKeys = {"line", "unit", "per", "price", "tiers", "free_tier", "source", "note"};
const std::vector<std::string> kTierKeys = {"from", "to", "price"};
const std::vector<std::string> kFreeKeys = {"quantity", "shared"};
const std::vector<std::string> kSourceKeys = {"url", "date", "ref"};

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

std::optional<std::string> read_text(const model::Node& node, const std::string& what, model::Diagnostics& diags) {
  if (!node.is_scalar() || node.text.empty()) {
    diags.error(node.loc, what + " must be a non-empty string, not " + node.type_name());
    return std::nullopt;
  }
  return node.text;
}

std::optional<FreeTier> parse_free_tier(const model::Node& node, model::Diagnostics& diags) {
  FreeTier free;
  if (node.is_mapping()) {
    model::check_known_keys(node, kFreeKeys, diags, "free_tier key");
    const model::Node* q = node.find("quantity");
    if (!q) {
      diags.error(node.loc, "free_tier needs a quantity");
      return std::nullopt;
    }
    auto amount = read_amount(*q, "free_tier quantity", false, diags);
    if (!amount) return std::nullopt;
    free.quantity = *amount;
    if (const model::Node* s = node.find("shared")) {
      auto pool = read_text(*s, "free_tier shared pool", diags);
      if (!pool) return std::nullopt;
      free.shared_pool = *pool;
    }
    return free;
  }
  auto amount = read_amount(node, "free_tier", false, diags);
  if (!amount) return std::nullopt;
  free.quantity = *amount;
  return free;
}

std::optional<PriceSource> parse_source(const model::Node& node, model::Diagnostics& diags) {
  PriceSource src;
  if (node.is_scalar()) {  // a URL alone
    src.url = node.text;
    return src;
  }
  if (!node.is_mapping()) {
    diags.error(node.loc, "source must be a URL or a mapping with url, date and ref, not " + node.type_name());
    return std::nullopt;
  }
  model::check_known_keys(node, kSourceKeys, diags, "source key");
  if (const model::Node* n = node.find("url")) src.url = n->text;
  if (const model::Node* n = node.find("date")) src.date = n->text;
  if (const model::Node* n = node.find("ref")) src.reference = n->text;
  if (src.url.empty() && src.reference.empty()) {
    diags.error(node.loc, "source needs a url or a ref");
    return std::nullopt;
  }
  return src;
}

// Checks bands in order: the first starts at 0, each starts where the previous ended, only the last
// is open-ended.
void check_tier_chain(const std::vector<Tier>& tiers, const std::vector<const model::Node*>& nodes,
                      model::Diagnostics& diags) {
  for (std::size_t i = 0; i < tiers.size(); ++i) {
    const Tier& t = tiers[i];
    const bool last = i + 1 == tiers.size();
    if (i == 0 && t.from != 0) {
      diags.error(t.where, "the first tier must start at 0, not " + model::format_shortest(t.from));
    }
    if (i > 0 && tiers[i - 1].to) {
      double prev_to = *tiers[i - 1].to;
      if (t.from > prev_to)
        diags.error(t.where, "tier starts at " + model::format_shortest(t.from) + " but the previous tier ends at " +
                                 model::format_shortest(prev_to) + " (a gap)");
      else if (t.from < prev_to)
        diags.error(t.where, "tier starts at " + model::format_shortest(t.from) + " but the previous tier ends at " +
                                 model::format_shortest(prev_to) + " (an overlap)");
    }
    if (t.to && *t.to <= t.from)
      diags.error(nodes[i]->find("to")->loc,
                  "tier ends at " + model::format_shortest(*t.to) + ", not after its start " + model::format_shortest(t.from));
    if (!last && !t.to)
      diags.error(t.where, "only the last tier may be open-ended; this tier needs a \"to\"");
    if (last && t.to)
      diags.error(nodes[i]->find("to")->loc, "the last tier must be open-ended (no \"to\"); quantities above " +
                                                 model::format_shortest(*t.to) + " would have no price");
  }
}

std::vector<Tier> parse_tiers(const model::Node& node, model::Diagnostics& diags) {
  std::vector<Tier> tiers;
  if (!node.is_sequence() || node.items.empty()) {
    diags.error(node.loc, "tiers must be a non-empty list of {from, to, price}, not " + node.type_name());
    return tiers;
  }
  std::vector<const model::Node*> nodes;
  bool complete = true;
  for (const auto& item : node.items) {
    if (!item.is_mapping()) {
      diags.error(item.loc, "a tier must be a mapping with from, to and price, not " + item.type_name());
      complete = false;
      continue;
    }
    model::check_known_keys(item, kTierKeys, diags, "tier key");
    Tier tier;
    tier.where = item.loc;
    if (const model::Node* from = item.find("from")) {
      auto v = read_amount(*from, "tier bound", false, diags);
      if (!v) complete = false;
      tier.from = v.value_or(0);
    } else if (!tiers.empty()) {
      tier.from = tiers.back().to.value_or(tiers.back().from);  // "from" defaults to the previous "to"
    }
    if (const model::Node* to = item.find("to")) {
      auto v = read_amount(*to, "tier bound", false, diags);
      if (!v) complete = false;
      tier.to = v;
    }
    const model::Node* price = item.find("price");
    if (!price) {
      diags.error(item.loc, "tier has no price");
      complete = false;
    } else if (auto v = read_amount(*price, "price", false, diags)) {
      tier.price_usd = *v;
    } else {
      complete = false;
    }
    tiers.push_back(tier);
    nodes.push_back(&item);
  }
  if (complete) check_tier_chain(tiers, nodes, diags);
  return tiers;
}

RateLine parse_one_line(const model::MeterInfo& meter, const model::Node& node, model::Diagnostics& diags) {
  RateLine line;
  line.meter = std::string(meter.name);
  line.where = node.loc;
  model::check_known_keys(node, kLineKeys, diags, "rate line key");
  line.label = std::string(meter.unit);
  if (const model::Node* n = node.find("line")) line.label = read_text(*n, "line", diags).value_or(line.label);
  const std::string who = "rate line " + quoted(line.label) + " of meter " + quoted(line.meter);

  if (const model::Node* unit = node.find("unit")) {
    line.unit = read_text(*unit, "unit", diags).value_or("");
    if (!line.unit.empty() && line.unit != meter.unit)
      diags.error(unit->loc, "unit " + quoted(line.unit) + " does not match the unit of meter " + quoted(line.meter) +
                                 " (" + quoted(std::string(meter.unit)) + "); quantities are in the meter's unit, "
                                 "use \"per\" for prices per 1,000 or per hour");
  } else {
    diags.error(node.loc, who + " has no unit (expected " + quoted(std::string(meter.unit)) + ")");
  }
  if (const model::Node* per = node.find("per")) line.per = read_amount(*per, "per", true, diags).value_or(1);

  const model::Node* price = node.find("price");
  const model::Node* tiers = node.find("tiers");
  if (price && tiers) {
    diags.error(tiers->loc, who + " has both price and tiers; write one");
  } else if (price) {
    if (auto v = read_amount(*price, "price", false, diags)) line.tiers.push_back(Tier{0, std::nullopt, *v, price->loc});
  } else if (tiers) {
    line.tiers = parse_tiers(*tiers, diags);
  } else {
    diags.error(node.loc, who + " has no price (write price: or tiers:)");
  }

  if (const model::Node* free = node.find("free_tier")) line.free_tier = parse_free_tier(*free, diags);
  if (const model::Node* src = node.find("source")) line.source = parse_source(*src, diags);
  else diags.warning(node.loc, who + " has no source (url and date)");
  if (const model::Node* note = node.find("note")) line.note = note->text;
  return line;
}

}  // namespace

std::optional<double> read_amount(const model::Node& node, const std::string& what, bool positive,
                                  model::Diagnostics& diags) {
  auto v = node.number();
  if (!v) {
    diags.error(node.loc, what + " must be a number, not " + node.type_name());
    return std::nullopt;
  }
  if (!std::isfinite(*v)) {
    diags.error(node.loc, what + " must be a finite number, not " + node.text);
    return std::nullopt;
  }
  if (*v < 0 || (positive && *v == 0)) {
    diags.error(node.loc, what + (positive ? " must be positive, not " : " must not be negative, not ") + node.text);
    return std::nullopt;
  }
  return v;
}

void parse_rate_lines(const model::MeterInfo& meter, const model::Member& entry, std::vector<RateLine>& out,
                      model::Diagnostics& diags) {
  const model::Node& value = entry.value;
  if (value.is_mapping()) {
    out.push_back(parse_one_line(meter, value, diags));
    return;
  }
  if (value.is_sequence() && !value.items.empty()) {
    for (const auto& item : value.items) {
      if (item.is_mapping()) out.push_back(parse_one_line(meter, item, diags));
      else diags.error(item.loc, "a rate line must be a mapping, not " + item.type_name());
    }
    return;
  }
  diags.error(value.loc, "meter " + quoted(entry.key) + " must map to a rate line or a list of rate lines, not " +
                             value.type_name());
}

}  // namespace flowcost::pricing
