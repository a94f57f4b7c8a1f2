#include "engine/partial_sweep.h"

#include <ostream>

#include "engine/partial_json.h"
#include "model/errors.h"
#include "model/number_format.h"
#include "model/source_file.h"
#include "sim/whatif.h"

namespace flowcost::engine {

namespace {

using nlohmann::json;

json point_json(const SweepPoint& p) {
  json designs = json::array(), comparisons = json::array();
  for (const auto& d : p.designs) designs.push_back({d.design, d.mean_usd, d.p05_usd, d.p95_usd});
  for (const auto& c : p.comparisons) comparisons.push_back({c.baseline, c.candidate, c.saving_usd_mean});
  return {{"value", p.value}, {"designs", designs}, {"comparisons", comparisons}};
}

SweepPoint point_of(const json& j) {
  SweepPoint p;
  p.value = j.at("value").get<double>();
  for (const auto& d : j.at("designs"))
    p.designs.push_back({d.at(0).get<std::string>(), d.at(1).get<double>(), d.at(2).get<double>(), d.at(3).get<double>()});
  for (const auto& c : j.at("comparisons"))
    p.comparisons.push_back({c.at(0).get<std::string>(), c.at(1).get<std::string>(), c.at(2).get<double>()});
  return p;
}

json basis_json(const std::vector<DesignBasis>& basis) {
  json out = json::array();
  for (const auto& b : basis) {
    json unpriced = json::array(), assumptions = json::array();
    for (const auto& u : b.unpriced) unpriced.push_back({u.state, u.service, u.action, u.reason});
    for (const auto& a : b.assumptions) assumptions.push_back({a.name, a.value, a.source});
    out.push_back({{"design", b.design}, {"unpriced", unpriced}, {"assumptions", assumptions}});
  }
  return out;
}

std::vector<DesignBasis> basis_of(const json& j) {
  std::vector<DesignBasis> out;
  for (const auto& b : j) {
    DesignBasis basis;
    basis.design = b.at("design").get<std::string>();
    for (const auto& u : b.at("unpriced"))
      basis.unpriced.push_back({u.at(0).get<std::string>(), u.at(1).get<std::string>(), u.at(2).get<std::string>(),
                                u.at(3).get<std::string>()});
    for (const auto& a : b.at("assumptions"))
      basis.assumptions.push_back({a.at(0).get<std::string>(), a.at(1).get<std::string>(), a.at(2).get<std::string>()});
    out.push_back(std::move(basis));
  }
  return out;
}

}  // namespace

std::string vary_text(const VarySpec& vary) {
  return vary.name + "=" + model::format_shortest(vary.from) + ".." + model::format_shortest(vary.to) +
         (vary.scale == sim::GridScale::log ? ":log" : "") + ":" + std::to_string(vary.points);
}

std::string sweep_config_hash(const std::string& run_config_hash, const VarySpec& vary) {
  return model::sha256_hex("flowcost sweep configuration 1\nrun " + run_config_hash + "\nvary " + vary_text(vary) + "\n");
}

void write_partial_sweep(const PartialSweep& part, std::ostream& out) {
  const SweepReport& r = part.report;
  json points = json::array(), crossings = json::array();
  for (const auto& p : r.points) points.push_back(point_json(p));
  for (std::size_t i = 0; i < r.break_even.size(); ++i) {
    const BreakEven& b = r.break_even[i];
    crossings.push_back({{"comparison", part.break_even_at.at(i).first},
                         {"bracket", part.break_even_at.at(i).second},
                         {"baseline", b.baseline},
                         {"candidate", b.candidate},
                         {"value", b.value},
                         {"bracket_lo", b.bracket_lo},
                         {"bracket_hi", b.bracket_hi},
                         {"extra_runs", b.extra_runs},
                         {"candidate_cheaper_above", b.candidate_cheaper_above}});
  }
  json j = partial_header_json(part.header);
  j["scenario"] = part.scenario_path;
  j["settings"] = settings_json(part.settings);
  j["vary"] = {{"name", part.vary.name},
               {"from", part.vary.from},
               {"to", part.vary.to},
               {"scale", part.vary.scale == sim::GridScale::log ? "log" : "linear"},
               {"points", part.vary.points}};
  j["report"] = {{"scenario", r.scenario},
                 {"seed", r.seed},
                 {"draws", r.draws},
                 {"executions_per_draw", r.executions_per_draw},
                 {"points", points},
                 {"break_even", crossings},
                 {"basis", basis_json(r.basis)}};
  out << partial_text(std::move(j));
}

PartialSweep read_partial_sweep(const std::string& text, const std::string& path) {
  const json j = parse_partial(text, path);
  return partial_sweep_of(j, partial_header(j, path));
}

PartialSweep partial_sweep_of(const json& j, const ShardHeader& header) {
  const model::SourceLocation where{header.path, 0, 0};
  expect_verb(header, "sweep");
  PartialSweep part;
  part.header = header;
  try {
    part.scenario_path = j.at("scenario").get<std::string>();
    part.settings = settings_of(j.at("settings"));
    const json& v = j.at("vary");
    const std::string scale = v.at("scale").get<std::string>();
    if (scale != "log" && scale != "linear") throw std::invalid_argument("vary.scale " + scale);
    part.vary = {v.at("name").get<std::string>(), v.at("from").get<double>(), v.at("to").get<double>(),
                 scale == "log" ? sim::GridScale::log : sim::GridScale::linear, v.at("points").get<std::size_t>()};
    const json& r = j.at("report");
    SweepReport& out = part.report;
    out.scenario = r.at("scenario").get<std::string>();
    out.seed = r.at("seed").get<std::uint64_t>();
    out.draws = r.at("draws").get<std::uint64_t>();
    out.executions_per_draw = r.at("executions_per_draw").get<std::uint64_t>();
    out.input = part.vary.name;
    out.from = part.vary.from;
    out.to = part.vary.to;
    out.scale = scale;
    for (const auto& p : r.at("points")) out.points.push_back(point_of(p));
    for (const auto& b : r.at("break_even")) {
      out.break_even.push_back({b.at("baseline").get<std::string>(), b.at("candidate").get<std::string>(),
                                b.at("value").get<double>(), b.at("bracket_lo").get<double>(),
                                b.at("bracket_hi").get<double>(), b.at("extra_runs").get<int>(),
                                b.at("candidate_cheaper_above").get<bool>()});
      part.break_even_at.emplace_back(b.at("comparison").get<std::uint64_t>(), b.at("bracket").get<std::uint64_t>());
    }
    out.basis = basis_of(r.at("basis"));
  } catch (const std::exception& e) {
    throw model::InputError(where, "a damaged flowcost partial result (" + std::string(e.what()) + ")");
  }
  const ShardSlice slice = shard_slice(part.vary.points, part.header.shard);
  bool ok = part.report.points.size() == slice.count;
  for (const auto& [pair, bracket] : part.break_even_at)
    ok = ok && bracket >= slice.first && bracket < slice.first + slice.count;
  if (!ok)
    throw model::InputError(where, "a damaged flowcost partial result (its points are not those of shard " +
                                       shard_text(part.header.shard) + ")");
  return part;
}

}  // namespace flowcost::engine
