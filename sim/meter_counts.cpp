#include "sim/meter_counts.h"

#include "model/meters.h"

namespace flowcost::sim {

double meter_scale(Meter m) {
  constexpr double mb_ms_to_gb_s = 1.0 / (1024.0 * 1000.0);
  constexpr double bytes_to_gb = 1.0 / (1024.0 * 1024.0 * 1024.0);
  switch (m) {
    case Meter::sfn_express_gb_seconds:
    case Meter::lambda_gb_seconds_x86:
    case Meter::lambda_gb_seconds_arm64:
    case Meter::fargate_gb_seconds: return mb_ms_to_gb_s;
    case Meter::firehose_gb:
    case Meter::cloudwatch_logs_gb: return bytes_to_gb;
    case Meter::dynamodb_read_request_units: return 0.5;
    case Meter::fargate_vcpu_seconds: return 1.0 / 1e6;
    default: return 1.0;
  }
}

std::string_view meter_name(Meter m) { return model::known_meters()[static_cast<std::size_t>(m)].name; }

}  // namespace flowcost::sim
