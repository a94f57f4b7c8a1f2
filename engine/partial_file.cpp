// The partial file's JSON (engine/partial_run.h), written and read in one place so the two cannot drift.
#include <nlohmann/json.hpp>

#include <ostream>
#include <string>

#include "engine/partial_run.h"
#include "engine/partial_json.h"
#include "model/errors.h"

namespace flowcost::engine {

namespace {

using nlohmann::json;

std::string wide_text(sim::MeterSums::Wide v) {
  if (v == 0) return "0";
  std::string s;
  while (v > 0) {
    s.insert(s.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  }
  return s;
}

sim::MeterSums::Wide wide_value(const std::string& s) {
  if (s.empty() || s.size() > 39) throw std::invalid_argument("not a meter total: " + s);
  sim::MeterSums::Wide v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') throw std::invalid_argument("not a meter total: " + s);
    v = v * 10 + static_cast<unsigned>(c - '0');
  }
  return v;
}

json design_json(const sim::DesignResult& d, const PricedDesign& p) {
  json totals = json::object();
  for (std::size_t m = 0; m < sim::kMeterCount; ++m)
    if (d.execution_totals.v[m] != 0) totals[std::string(sim::meter_name(static_cast<sim::Meter>(m)))] = wide_text(d.execution_totals.v[m]);
  json buckets = json::array();
  for (const auto& [bucket, count] : d.latency_ms.nonzero()) buckets.push_back({bucket, count});
  json draw = json::array(), events = json::array(), executions = json::array(), exact = json::array(),
       monthly = json::array(), latency_sum = json::array(), latency_count = json::array();
  for (const auto& r : d.draws) {
    draw.push_back(r.draw);
    events.push_back(r.events_per_month);
    executions.push_back(r.executions);
    exact.push_back(r.exact);
    monthly.push_back(r.monthly);
    latency_sum.push_back(r.latency_sum_ms);
    latency_count.push_back(r.latency_count);
  }
  json lines = json::array();
  for (const auto& l : p.lines)
    lines.push_back({{"meter", l.meter}, {"line", l.line}, {"unit", l.unit}, {"quantity", l.quantity}, {"cost_usd", l.cost_usd},
                     {"draw_std_error_usd", l.draw_std_error_usd}});
  return {{"name", d.name},
          {"meters", d.meters},
          {"warnings", d.warnings},
          {"executions", d.executions},
          {"transitions", d.transitions},
          {"retries", d.retries},
          {"outcomes",
           {{"succeeded", d.outcomes.succeeded},
            {"failed", d.outcomes.failed},
            {"lost", d.outcomes.lost},
            {"caught", d.outcomes.caught},
            {"failed_by_error", d.outcomes.failed_by_error}}},
          {"execution_totals", totals},
          {"latency_ms", {{"count", d.latency_ms.count()}, {"min", d.latency_ms.min()}, {"max", d.latency_ms.max()},
                          {"buckets", buckets}}},
          {"draws",
           {{"draw", draw},
            {"events_per_month", events},
            {"executions", executions},
            {"exact", exact},
            {"monthly", monthly},
            {"latency_sum_ms", latency_sum},
            {"latency_count", latency_count}}},
          {"priced",
           {{"meters", p.meters},
            {"monthly_cost_usd", p.monthly_cost_usd},
            {"events_per_month", p.events_per_month},
            {"draw_std_error_usd", p.draw_std_error_usd},
            {"lines", lines}}}};
}

void read_design(const json& j, sim::DesignResult& d, PricedDesign& p) {
  d.name = j.at("name").get<std::string>();
  d.meters = j.at("meters").get<std::vector<std::string>>();
  d.warnings = j.at("warnings").get<std::vector<std::string>>();
  d.executions = j.at("executions").get<std::uint64_t>();
  d.transitions = j.at("transitions").get<std::uint64_t>();
  d.retries = j.at("retries").get<std::uint64_t>();
  const json& o = j.at("outcomes");
  d.outcomes.succeeded = o.at("succeeded").get<std::uint64_t>();
  d.outcomes.failed = o.at("failed").get<std::uint64_t>();
  d.outcomes.lost = o.at("lost").get<std::uint64_t>();
  d.outcomes.caught = o.at("caught").get<std::uint64_t>();
  d.outcomes.failed_by_error = o.at("failed_by_error").get<std::map<std::string, std::uint64_t>>();
  for (const auto& [name, value] : j.at("execution_totals").items()) {
    bool found = false;
    for (std::size_t m = 0; m < sim::kMeterCount && !found; ++m)
      if (sim::meter_name(static_cast<sim::Meter>(m)) == name) {
        d.execution_totals.v[m] = wide_value(value.get<std::string>());
        found = true;
      }
    if (!found) throw std::invalid_argument("unknown meter " + name);
  }
  const json& lat = j.at("latency_ms");
  std::vector<std::pair<std::size_t, std::uint64_t>> buckets;
  for (const auto& b : lat.at("buckets")) buckets.emplace_back(b.at(0).get<std::size_t>(), b.at(1).get<std::uint64_t>());
  d.latency_ms = sim::LatencyHistogram::from_counts(buckets, lat.at("min").get<double>(), lat.at("max").get<double>());
  if (d.latency_ms.count() != lat.at("count").get<std::uint64_t>()) throw std::invalid_argument("latency counts do not add up");
  const json& dr = j.at("draws");
  const std::size_t n = dr.at("draw").size();
  for (const char* key : {"events_per_month", "executions", "exact", "monthly", "latency_sum_ms", "latency_count"})
    if (dr.at(key).size() != n) throw std::invalid_argument(std::string("draws.") + key + " has not one value per draw");
  for (std::size_t i = 0; i < n; ++i) {
    sim::DrawRecord r;
    r.draw = dr["draw"][i].get<std::uint64_t>();
    r.events_per_month = dr["events_per_month"][i].get<double>();
    r.executions = dr["executions"][i].get<std::uint64_t>();
    r.exact = dr["exact"][i].get<bool>();
    r.monthly = dr["monthly"][i].get<std::vector<double>>();
    if (r.monthly.size() > d.meters.size()) throw std::invalid_argument("a draw has more values than meters");
    r.latency_sum_ms = dr["latency_sum_ms"][i].get<double>();
    r.latency_count = dr["latency_count"][i].get<std::uint64_t>();
    d.draws.push_back(std::move(r));
  }
  const json& pj = j.at("priced");
  p.name = d.name;
  p.meters = pj.at("meters").get<std::vector<std::string>>();
  p.monthly_cost_usd = pj.at("monthly_cost_usd").get<std::vector<double>>();
  p.events_per_month = pj.at("events_per_month").get<std::vector<double>>();
  p.draw_std_error_usd = pj.at("draw_std_error_usd").get<std::vector<double>>();
  for (const auto& l : pj.at("lines"))
    p.lines.push_back({l.at("meter").get<std::string>(), l.at("line").get<std::string>(), l.at("unit").get<std::string>(),
                       l.at("quantity").get<std::vector<double>>(), l.at("cost_usd").get<std::vector<double>>(),
                       l.at("draw_std_error_usd").get<std::vector<double>>()});
  bool sizes = p.monthly_cost_usd.size() == n && p.events_per_month.size() == n && p.draw_std_error_usd.size() == n;
  for (const auto& l : p.lines)
    sizes = sizes && l.quantity.size() == n && l.cost_usd.size() == n && l.draw_std_error_usd.size() == n;
  if (!sizes) throw std::invalid_argument("priced values are not one per draw");
}

}  // namespace

json partial_run_body_json(const PartialRun& part) {
  json designs = json::array();
  for (std::size_t i = 0; i < part.run.designs.size(); ++i) designs.push_back(design_json(part.run.designs[i], part.priced.at(i)));
  return {{"scenario", part.scenario_path},
          {"settings", settings_json(part.settings)},
          {"first_draw", part.first_draw},
          {"seed", part.run.seed},
          {"executions_per_draw", part.run.executions_per_draw},
          {"simulated_executions", part.run.simulated_executions},
          {"simulated_transitions", part.run.simulated_transitions},
          {"wall_seconds", part.run.wall_seconds},
          {"designs", designs}};
}

void read_partial_run_body(const json& j, PartialRun& part) {
  part.scenario_path = j.at("scenario").get<std::string>();
  part.settings = settings_of(j.at("settings"));
  part.first_draw = j.at("first_draw").get<std::uint64_t>();
  part.run.seed = j.at("seed").get<std::uint64_t>();
  part.run.executions_per_draw = j.at("executions_per_draw").get<std::uint64_t>();
  part.run.simulated_executions = j.at("simulated_executions").get<std::uint64_t>();
  part.run.simulated_transitions = j.at("simulated_transitions").get<std::uint64_t>();
  part.run.wall_seconds = j.at("wall_seconds").get<double>();
  for (const auto& d : j.at("designs")) {
    part.run.designs.emplace_back();
    part.priced.emplace_back();
    read_design(d, part.run.designs.back(), part.priced.back());
  }
}

void write_partial_run(const PartialRun& part, std::ostream& out) {
  json j = partial_header_json(part.header);
  j.update(partial_run_body_json(part));
  out << partial_text(std::move(j));
}

PartialRun read_partial_run(const std::string& text, const std::string& path) {
  const json j = parse_partial(text, path);
  return partial_run_of(j, partial_header(j, path));
}

PartialRun partial_run_of(const json& j, const ShardHeader& header) {
  const std::string& path = header.path;
  expect_verb(header, "run");
  PartialRun part;
  part.header = header;
  try {
    read_partial_run_body(j, part);
  } catch (const std::exception& e) {
    throw model::InputError({path, 0, 0}, "a damaged flowcost partial result (" + std::string(e.what()) + ")");
  }
  return part;
}

}  // namespace flowcost::engine
