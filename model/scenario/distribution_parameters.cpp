#include "model/scenario/distribution_parameters.h"

#include <cmath>
#include <initializer_list>

#include "model/errors.h"
#include "model/expression.h"
#include "model/number_format.h"
#include "model/scenario/values.h"
#include "model/units.h"

namespace flowcost::model {

namespace distribution_detail {

namespace {

constexpr double kZ95 = 1.6448536269514722;  // standard normal 95th percentile

bool nonnegative_dimension(Dimension d) { return d == Dimension::duration_ms || d == Dimension::size_bytes; }

// Checks one constraint at load or per draw (build_parameters).
class Checker {
 public:
  Checker(const DistributionSpec& s, const ParamValues& p, Diagnostics* diags, const std::string* where)
      : s_(s), p_(p), diags_(diags), where_(where) {}

  // `involved`: the parameters the constraint reads (those not written are skipped).
  bool require(bool ok, std::initializer_list<const char*> involved, const SourceLocation& loc,
               const std::string& message) {
    if (!where_) {
      for (const char* name : involved)
        if (auto it = p_.find(name); it != p_.end() && it->second.written->expression) return true;  // per draw
      if (!ok) diags_->error(loc, message);
      return ok;
    }
    if (ok) return true;
    std::string named;
    for (const char* name : involved) {
      auto it = p_.find(name);
      if (it == p_.end() || !it->second.written->expression) continue;
      named += (named.empty() ? " " : ", ") + std::string(name) + " \"" + it->second.written->expression->text() +
               "\" is " + format_shortest(it->second.value);
    }
    throw InputError(loc, std::string(to_string(s_.kind)) + named + " " + *where_ + " (" + message + ")");
  }

 private:
  const DistributionSpec& s_;
  const ParamValues& p_;
  Diagnostics* diags_;
  const std::string* where_;
};

double value(const ParamValues& p, const char* name) { return p.at(name).value; }
const SourceLocation& loc(const ParamValues& p, const char* name) { return p.at(name).written->loc; }

bool check_not_negative(Checker& c, const std::string& kind, const ParamValues& p, const char* name, Dimension d) {
  const double v = value(p, name);
  return c.require(!nonnegative_dimension(d) || v >= 0, {name}, loc(p, name),
                   kind + ": " + name + " must not be negative for a " + dimension_name(d) + " (got " +
                       format_shortest(v) + ")");
}

bool check_positive(Checker& c, const std::string& kind, const ParamValues& p, const char* name) {
  const double v = value(p, name);
  return c.require(v > 0, {name}, loc(p, name),
                   kind + ": " + name + " must be greater than 0 (got " + format_shortest(v) + ")");
}

// [min, max] for uniform, [min, mode, max] for triangular and PERT.
void build_range(DistributionSpec& s, const std::string& kind, const ParamValues& p, Checker& c) {
  const double lo = value(p, "min"), hi = value(p, "max");
  check_not_negative(c, kind, p, "min", s.dimension);
  s.a = lo;
  if (s.kind == DistributionKind::uniform) {
    s.b = hi;
    c.require(lo <= hi, {"min", "max"}, loc(p, "max"),
              kind + ": min " + format_shortest(lo) + " is greater than max " + format_shortest(hi));
    return;
  }
  const double mode = value(p, "mode");
  s.b = mode;
  s.c = hi;
  if (!c.require(lo < hi, {"min", "max"}, loc(p, "max"),
                 kind + ": min " + format_shortest(lo) + " must be less than max " + format_shortest(hi)))
    return;
  c.require(lo <= mode && mode <= hi, {"min", "mode", "max"}, loc(p, "mode"),
            kind + ": mode " + format_shortest(mode) + " is outside [" + format_shortest(lo) + ", " +
                format_shortest(hi) + "]");
}

void build_normal(DistributionSpec& s, const ParamValues& p, Checker& c) {
  const Dimension d = s.dimension;
  s.a = value(p, "mean");
  s.b = value(p, "sd");
  c.require(s.b >= 0, {"sd"}, loc(p, "sd"), "normal: sd must not be negative (got " + format_shortest(s.b) + ")");
  const bool has_min = p.count("min") > 0, has_max = p.count("max") > 0;
  s.lower.reset();
  s.upper.reset();
  if (has_min) s.lower = value(p, "min");
  else if (nonnegative_dimension(d) || d == Dimension::probability) s.lower = 0.0;
  if (has_max) s.upper = value(p, "max");
  else if (d == Dimension::probability) s.upper = 1.0;
  if (has_min) check_not_negative(c, "normal", p, "min", d);
  if (s.lower && s.upper &&
      !c.require(!(*s.lower > *s.upper), {"min", "max"}, loc(p, has_max ? "max" : "min"),
                 "normal: min " + format_shortest(*s.lower) + " is greater than max " + format_shortest(*s.upper)))
    return;
  if (s.b == 0) {
    bool inside = (!s.lower || s.a >= *s.lower) && (!s.upper || s.a <= *s.upper);
    c.require(inside, {"mean", "sd", "min", "max"}, loc(p, "mean"),
              "normal: with sd 0 the mean must lie within [min, max]");
    return;
  }
  // The truncation interval must hold some probability (closer than 37 sd to the mean).
  double z_lo = s.lower ? (*s.lower - s.a) / s.b : -HUGE_VAL;
  double z_hi = s.upper ? (*s.upper - s.a) / s.b : HUGE_VAL;
  c.require(z_lo < 37 && z_hi > -37, {"mean", "sd", "min", "max"}, loc(p, "mean"),
            "normal: [min, max] is more than 37 standard deviations from the mean; nothing to sample");
}

void build_lognormal(DistributionSpec& s, const ParamValues& p, Checker& c) {
  if (p.count("mu")) {
    s.a = value(p, "mu");
    s.b = value(p, "sigma");
    c.require(s.b >= 0, {"sigma"}, loc(p, "sigma"),
              "lognormal: sigma must not be negative (got " + format_shortest(s.b) + ")");
    return;
  }
  const double median = value(p, "median"), p95 = value(p, "p95");
  if (!check_positive(c, "lognormal", p, "median")) return;
  if (!c.require(median < p95, {"median", "p95"}, loc(p, "p95"),
                 "lognormal: median " + format_shortest(median) + " must be less than p95 " + format_shortest(p95)))
    return;
  s.a = std::log(median);
  s.b = (std::log(p95) - std::log(median)) / kZ95;
}

}  // namespace

ParamValues param_values(const std::vector<DistributionParameter>& written, const std::vector<double>& values) {
  ParamValues out;
  for (std::size_t i = 0; i < written.size(); ++i)
    out[written[i].name] = ParamValue{written[i].expression ? values.at(i) : written[i].value, &written[i]};
  return out;
}

void build_parameters(DistributionSpec& s, const ParamValues& p, Diagnostics* diags, const std::string* where) {
  Checker c(s, p, diags, where);
  const std::string kind = to_string(s.kind);
  switch (s.kind) {
    case DistributionKind::uniform:
    case DistributionKind::triangular:
    case DistributionKind::pert: build_range(s, kind, p, c); break;
    case DistributionKind::normal: build_normal(s, p, c); break;
    case DistributionKind::lognormal: build_lognormal(s, p, c); break;
    case DistributionKind::exponential:
      s.a = value(p, "mean");
      check_positive(c, kind, p, "mean");
      break;
    case DistributionKind::gamma:
    case DistributionKind::weibull:
      s.a = value(p, "shape");
      s.b = value(p, "scale");
      check_positive(c, kind, p, "shape");
      check_positive(c, kind, p, "scale");
      break;
    case DistributionKind::bernoulli:
      s.a = value(p, "p");
      c.require(s.a >= 0 && s.a <= 1, {"p"}, loc(p, "p"), "probability " + format_shortest(s.a) + " is outside [0, 1]");
      break;
    case DistributionKind::constant:
    case DistributionKind::discrete:
    case DistributionKind::empirical: break;
  }
}

}  // namespace distribution_detail

DistributionSpec resolve_distribution(const DistributionSpec& spec,
                                      const std::function<double(std::string_view)>& lookup,
                                      const std::string& where) {
  if (!spec.depends_on_inputs()) return spec;
  std::vector<double> values(spec.parameters.size(), 0.0);
  for (std::size_t i = 0; i < spec.parameters.size(); ++i) {
    const DistributionParameter& param = spec.parameters[i];
    if (!param.expression) continue;
    values[i] = param.expression->evaluate(lookup);
    if (!std::isfinite(values[i]))
      throw InputError(param.loc, std::string(to_string(spec.kind)) + " " + param.name + " \"" +
                                      param.expression->text() + "\" is not a finite number " + where + " (got " +
                                      format_shortest(values[i]) + ")");
  }
  DistributionSpec out = spec;
  out.parameters.clear();
  distribution_detail::build_parameters(out, distribution_detail::param_values(spec.parameters, values), nullptr,
                                        &where);
  return out;
}

}  // namespace flowcost::model
