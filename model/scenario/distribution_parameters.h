#pragma once
// The numeric parameters of a distribution by name (`min`, `mode`, `max`, `mean`, `sd`, `median`, `p95`,
// `mu`, `sigma`, `shape`, `scale`, `p`) and the one implementation of their constraints, used at load
// (parse_distribution, literal parameters) and per draw (resolve_distribution, parameters naming inputs).
#include <map>
#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "model/distribution.h"

namespace flowcost::model::distribution_detail {

struct ParamValue {
  double value = 0;
  const DistributionParameter* written = nullptr;  // the parameter as written (its position, expression)
};
using ParamValues = std::map<std::string, ParamValue>;

// The parameters as written with their values: a literal's, or `values[i]` for parameter i.
ParamValues param_values(const std::vector<DistributionParameter>& written, const std::vector<double>& values);

// Sets s.a, s.b, s.c, s.lower and s.upper from the parameters of s.kind (uniform to bernoulli; other kinds
// are left alone) and checks their constraints. At load (`diags`, `where` null) each broken constraint
// whose parameters are all literals is reported to `diags`; a constraint on a parameter that names inputs
// waits for the draw. Per draw (`where` = "in draw 3") the first broken constraint throws InputError.
void build_parameters(DistributionSpec& s, const ParamValues& p, Diagnostics* diags, const std::string* where);

}  // namespace flowcost::model::distribution_detail
