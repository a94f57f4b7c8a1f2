#include "model/distribution.h"

namespace flowcost::model {

const char* to_string(DistributionKind k) {
  switch (k) {
    case DistributionKind::constant: return "constant";
    case DistributionKind::uniform: return "uniform";
    case DistributionKind::triangular: return "triangular";
    case DistributionKind::pert: return "pert";
    case DistributionKind::normal: return "normal";
    case DistributionKind::lognormal: return "lognormal";
    case DistributionKind::exponential: return "exponential";
    case DistributionKind::gamma: return "gamma";
    case DistributionKind::weibull: return "weibull";
    case DistributionKind::bernoulli: return "bernoulli";
    case DistributionKind::discrete: return "discrete";
    case DistributionKind::empirical: return "empirical";
  }
  return "unknown";
}

}  // namespace flowcost::model
