#pragma once
// The settings that decided a design's numbers, for every report (docs/billing-rules.md "Settings"): the
// price table's metering rules for the services the design used, its borrowed prices, the free-tier switch, and with free tiers
// the allowances its meters share. A reviewer sees each assumption without opening the code.
#include <string>
#include <vector>

#include "model/scenario/scenario.h"
#include "pricing/price_table.h"

namespace flowcost::engine {

struct Assumption {
  std::string name;    // "iot.message_unit_bytes", "free_tier", "free_tier.shared.lambda-gb-seconds"
  std::string value;   // as written where it is set: "5120", "true", "lambda.gb_seconds.x86, lambda.gb_seconds.arm64"
  std::string source;  // where it is set: "price table aws-us-east-1, metering:", ...
};

// `meters`: every meter the design produced. Metering settings come in the table's section order, then the
// meters it prices with a borrowed figure (`borrowed_price.METER` = the table lent from, docs/price-tables.md
// "Borrowed prices"), then free_tier, then the shared allowances (only with free tiers on).
std::vector<Assumption> design_assumptions(const std::vector<std::string>& meters, const pricing::PriceTable& table,
                                           bool free_tier);

// A Step Functions design's own `orchestration:` latencies replace the table's express_latency.KEY and
// standard_latency.KEY entries of `assumptions` (value as written, source the design's section), so that
// the report lists the latency the design was simulated with.
void apply_design_orchestration(const model::Scenario& scenario, const std::string& design,
                                std::vector<Assumption>& assumptions);

// The large-Map settings (scenario run: map_sample_children, map_sample_above; docs/scenario-format.md
// "Large Maps") when design `design` of `scenario` can run a Distributed Map: its own machine, the child
// machines its Tasks start, or the step_functions designs its IoT rules start. Empty otherwise.
std::vector<Assumption> map_sample_assumptions(const model::Scenario& scenario, const std::string& design);

}  // namespace flowcost::engine
