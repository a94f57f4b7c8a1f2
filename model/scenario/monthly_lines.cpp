#include "model/scenario/monthly_lines.h"
#include "model/scenario/scenario.h"

#include "model/meters.h"
#include "model/units.h"
#include "model/suggest.h"

namespace flowcost::model {

namespace {

// What a monthly quantity counts: a number in the meter's unit (operations, keys, GB-months, ...), devices,
// or minutes, which may also be written as a duration (`30d` is 43,200 minutes).
enum class Counts { meter_units, devices, minutes };

// A per-draw quantity: a number (not negative) or an expression over scalar names, not naming `fields` (a
// design's per-message fields). A number with a unit is refused (`1KB` devices would be 1,024 of them), but
// for minutes a duration, converted.
std::optional<ValueSpec> monthly_value(const Node& node, const std::string& what, const Scenario& scenario,
                                       const std::vector<std::string>& fields, Counts counts, Diagnostics& diags) {
  const std::size_t before = diags.error_count();
  ValueSpec v = parse_value(node, Dimension::none, diags);
  if (diags.error_count() != before) return std::nullopt;
  if (v.kind == ValueSpec::Kind::distribution) {
    diags.error(node.loc, what + " is a monthly quantity: use a number or an expression over inputs, not a "
                                 "distribution");
    return std::nullopt;
  }
  if (v.kind == ValueSpec::Kind::number && v.number < 0) {
    diags.error(node.loc, what + " must not be negative");
    return std::nullopt;
  }
  if (!check_per_draw(v, what, scenario, fields, diags)) return std::nullopt;
  if (!check_value_names(v, scenario, false, diags)) return std::nullopt;
  const std::optional<Dimension> d = value_dimension(v, scenario, {});
  if (d && is_physical(*d)) {
    if (counts == Counts::minutes && *d == Dimension::duration_ms && v.kind == ValueSpec::Kind::number) {
      v.number /= 60'000;  // milliseconds, the base unit of a duration, to minutes
      v.dimension = Dimension::none;
      return v;
    }
    const std::string text = v.kind == ValueSpec::Kind::number ? node.text : v.expression.text();
    const char* expected = counts == Counts::minutes   ? " is a number of minutes"
                           : counts == Counts::devices ? " is a number of devices"
                                                       : " is a number in the meter's unit";
    diags.error(node.loc, what + expected + ", but \"" + text + "\" is a " + dimension_name(*d) +
                              (counts == Counts::minutes ? "; write the minutes, or one duration such as 30d" : ""));
    return std::nullopt;
  }
  return v;
}

}  // namespace

std::vector<MonthlyQuantity> parse_fixed_section(const Node& node, const Scenario& scenario, Diagnostics& diags) {
  std::vector<MonthlyQuantity> out;
  if (!node.is_mapping()) {
    diags.error(node.loc, "fixed must be a mapping of meter name to monthly quantity, not " + node.type_name());
    return out;
  }
  for (const auto& m : node.members) {
    if (!find_meter(m.key)) {
      diags.error(m.key_loc, unknown_name_message("meter", m.key, known_meter_names()));
      continue;
    }
    if (auto v = monthly_value(m.value, "fixed." + m.key, scenario, {}, Counts::meter_units, diags))
      out.push_back({m.key, m.key_loc, *v});
  }
  return out;
}

std::optional<ConnectionSpec> parse_connection_spec(const Node& node, const Scenario& scenario,
                                                    const std::vector<std::string>& fields, Diagnostics& diags) {
  if (!node.is_mapping()) {
    diags.error(node.loc, "connection must be a mapping {devices: N, minutes_per_device: M}, not " + node.type_name());
    return std::nullopt;
  }
  check_known_keys(node, {"devices", "minutes_per_device"}, diags, "connection field");
  ConnectionSpec c;
  c.loc = node.loc;
  bool ok = true;
  for (const char* key : {"devices", "minutes_per_device"}) {
    const Node* v = node.find(key);
    if (!v) {
      diags.error(node.loc, std::string("connection needs ") + key);
      ok = false;
      continue;
    }
    const bool minutes = std::string_view(key) == "minutes_per_device";
    auto value = monthly_value(*v, std::string("connection.") + key, scenario, fields,
                               minutes ? Counts::minutes : Counts::devices, diags);
    if (!value) {
      ok = false;
      continue;
    }
    (std::string(key) == "devices" ? c.devices : c.minutes_per_device) = *value;
  }
  if (!ok) return std::nullopt;
  return c;
}

}  // namespace flowcost::model
