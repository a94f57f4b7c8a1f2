#include "sim/run_result.h"

#include <algorithm>
#include <limits>

namespace flowcost::sim {

namespace {

MeterSums::Wide add_saturating(MeterSums::Wide a, MeterSums::Wide b) {
  MeterSums::Wide s = a + b;
  return s < a ? std::numeric_limits<MeterSums::Wide>::max() : s;
}

}  // namespace

void MeterSums::add(const MeterCounts& counts) {
  for (std::size_t i = 0; i < kMeterCount; ++i)
    v[i] = add_saturating(v[i], static_cast<Wide>(std::max<std::int64_t>(counts.v[i], 0)));
}

MeterSums& MeterSums::operator+=(const MeterSums& other) {
  for (std::size_t i = 0; i < kMeterCount; ++i) v[i] = add_saturating(v[i], other.v[i]);
  return *this;
}

std::optional<std::size_t> DesignResult::column(std::string_view meter) const {
  for (std::size_t i = 0; i < meters.size(); ++i)
    if (meters[i] == meter) return i;
  return std::nullopt;
}

std::size_t DesignResult::add_column(std::string_view meter) {
  if (auto c = column(meter)) return *c;
  meters.emplace_back(meter);
  return meters.size() - 1;
}

double DesignResult::monthly(const DrawRecord& draw, std::string_view meter) const {
  auto c = column(meter);
  return c && *c < draw.monthly.size() ? draw.monthly[*c] : 0.0;
}

double DesignResult::per_execution_mean(std::string_view meter) const {
  if (executions == 0) return 0;
  for (std::size_t m = 0; m < kMeterCount; ++m) {
    const auto id = static_cast<Meter>(m);
    if (meter_name(id) != meter) continue;
    return static_cast<double>(execution_totals.v[m]) * meter_scale(id) / static_cast<double>(executions);
  }
  return 0;
}

double DesignResult::latency_mean_ms() const {
  double sum = 0;
  std::uint64_t count = 0;
  for (const auto& d : draws) {
    sum += d.latency_sum_ms;
    count += d.latency_count;
  }
  return count == 0 ? 0.0 : sum / static_cast<double>(count);
}

void release_batch_totals(RunResult& run, std::size_t priced) {
  for (auto& design : run.designs)
    for (std::size_t d = 0; d < priced && d < design.draws.size(); ++d) std::vector<double>().swap(design.draws[d].batch_monthly);
}

}  // namespace flowcost::sim
