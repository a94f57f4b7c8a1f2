// parse_distribution: the distribution mappings of scenario files (docs/scenario-format.md "Distributions").
#include <algorithm>
#include <cmath>
#include <map>

#include "model/number_format.h"
#include "model/scenario/empirical_csv.h"
#include "model/scenario/values.h"
#include "model/suggest.h"
#include "model/units.h"

namespace flowcost::model {

namespace {

const std::vector<std::string>& kind_names() {
  static const std::vector<std::string> names = {"constant",  "uniform",     "triangular", "pert",
                                                 "normal",    "lognormal",   "exponential", "gamma",
                                                 "weibull",   "bernoulli",   "discrete",   "empirical"};
  return names;
}

constexpr double kZ95 = 1.6448536269514722;  // standard normal 95th percentile

bool nonnegative_dimension(Dimension d) { return d == Dimension::duration_ms || d == Dimension::size_bytes; }

// The first unit written among the scalars and keys of `node`, for Dimension::none fields.
Dimension infer_dimension(const Node& node) {
  if (node.is_scalar()) return quantity_dimension(node.text);
  for (const auto& item : node.items) {
    Dimension d = infer_dimension(item);
    if (d != Dimension::none) return d;
  }
  for (const auto& m : node.members) {
    Dimension d = quantity_dimension(m.key);  // discrete values are keys: {1KB: 0.5, 4KB: 0.5}
    if (d == Dimension::none) d = infer_dimension(m.value);
    if (d != Dimension::none) return d;
  }
  return Dimension::none;
}

struct Param {
  double value = 0;
  SourceLocation loc;
};

// Reads the parameters of one distribution: a sequence in `names` order, or a mapping with those keys.
// `bare` parameters (shapes, log-space mu/sigma, probabilities) take no unit.
class ParamReader {
 public:
  ParamReader(std::string kind, const Node& params, Dimension d, Diagnostics& diags)
      : kind_(std::move(kind)), params_(params), d_(d), diags_(diags) {}

  // Positional or named; every name required. False (and errors reported) when something is missing.
  bool read(const std::vector<std::string>& names, const std::vector<bool>& bare,
            const std::vector<std::string>& optional_names = {}) {
    if (params_.is_sequence()) {
      if (params_.items.size() != names.size()) {
        diags_.error(params_.loc, kind_ + " takes [" + join(names) + "]; got " +
                                      std::to_string(params_.items.size()) + " value" +
                                      (params_.items.size() == 1 ? "" : "s"));
        return false;
      }
      bool ok = true;
      for (std::size_t i = 0; i < names.size(); ++i) ok = take(names[i], params_.items[i], bare[i]) && ok;
      return ok;
    }
    if (params_.is_mapping()) {
      std::vector<std::string> allowed = names;
      allowed.insert(allowed.end(), optional_names.begin(), optional_names.end());
      std::size_t before = diags_.error_count();
      check_known_keys(params_, allowed, diags_, "parameter");
      bool ok = diags_.error_count() == before;
      for (std::size_t i = 0; i < names.size(); ++i) {
        const Node* v = params_.find(names[i]);
        if (!v) {
          diags_.error(params_.loc, kind_ + " is missing \"" + names[i] + "\"");
          ok = false;
        } else {
          ok = take(names[i], *v, bare[i]) && ok;
        }
      }
      for (const auto& name : optional_names)
        if (const Node* v = params_.find(name)) ok = take(name, *v, false) && ok;
      return ok;
    }
    diags_.error(params_.loc, kind_ + " takes [" + join(names) + "] or {" + join(names) + "}; got " +
                                  params_.type_name());
    return false;
  }

  bool has(const std::string& name) const { return values_.count(name) > 0; }
  const Param& operator[](const std::string& name) const { return values_.at(name); }

  bool take(const std::string& name, const Node& node, bool bare) {
    Dimension d = bare ? Dimension::count : d_;
    if (!node.is_scalar()) {
      diags_.error(node.loc, kind_ + ": " + name + " must be a " + dimension_name(d) + ", got " + node.type_name());
      return false;
    }
    std::string why;
    auto v = parse_quantity(node.text, bare ? Dimension::none : d_, &why);
    if (v && bare && quantity_dimension(node.text) != Dimension::none) {
      v.reset();
      why = kind_ + ": " + name + " takes a plain number, without a unit";
    }
    if (!v) {
      diags_.error(node.loc, why);
      return false;
    }
    values_[name] = Param{*v, node.loc};
    return true;
  }

  static std::string join(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
  }

 private:
  std::string kind_;
  const Node& params_;
  Dimension d_;
  Diagnostics& diags_;
  std::map<std::string, Param> values_;
};

bool require(bool condition, const SourceLocation& loc, const std::string& message, Diagnostics& diags) {
  if (!condition) diags.error(loc, message);
  return condition;
}

bool check_not_negative(const std::string& kind, const std::string& name, const Param& p, Dimension d,
                        Diagnostics& diags) {
  if (!nonnegative_dimension(d) || p.value >= 0) return true;
  diags.error(p.loc, kind + ": " + name + " must not be negative for a " + dimension_name(d) + " (got " +
                         format_shortest(p.value) + ")");
  return false;
}

bool check_positive(const std::string& kind, const std::string& name, const Param& p, Diagnostics& diags) {
  return require(p.value > 0, p.loc,
                 kind + ": " + name + " must be greater than 0 (got " + format_shortest(p.value) + ")", diags);
}

// [min, max] for uniform, [min, mode, max] for triangular and PERT.
void parse_range(DistributionSpec& s, const std::string& kind, ParamReader& r, Dimension d, bool with_mode,
                 Diagnostics& diags) {
  std::vector<std::string> names = with_mode ? std::vector<std::string>{"min", "mode", "max"}
                                             : std::vector<std::string>{"min", "max"};
  if (!r.read(names, std::vector<bool>(names.size(), false))) return;
  const Param& lo = r["min"];
  const Param& hi = r["max"];
  check_not_negative(kind, "min", lo, d, diags);
  s.a = lo.value;
  if (!with_mode) {
    s.b = hi.value;
    require(lo.value <= hi.value, hi.loc,
            kind + ": min " + format_shortest(lo.value) + " is greater than max " + format_shortest(hi.value), diags);
    return;
  }
  const Param& mode = r["mode"];
  s.b = mode.value;
  s.c = hi.value;
  if (!require(lo.value < hi.value, hi.loc,
               kind + ": min " + format_shortest(lo.value) + " must be less than max " + format_shortest(hi.value),
               diags))
    return;
  require(lo.value <= mode.value && mode.value <= hi.value, mode.loc,
          kind + ": mode " + format_shortest(mode.value) + " is outside [" + format_shortest(lo.value) + ", " +
              format_shortest(hi.value) + "]",
          diags);
}

void parse_normal(DistributionSpec& s, ParamReader& r, Dimension d, Diagnostics& diags) {
  if (!r.read({"mean", "sd"}, {false, false}, {"min", "max"})) return;
  s.a = r["mean"].value;
  s.b = r["sd"].value;
  require(s.b >= 0, r["sd"].loc, "normal: sd must not be negative (got " + format_shortest(s.b) + ")", diags);
  if (r.has("min")) s.lower = r["min"].value;
  else if (nonnegative_dimension(d) || d == Dimension::probability) s.lower = 0.0;
  if (r.has("max")) s.upper = r["max"].value;
  else if (d == Dimension::probability) s.upper = 1.0;
  if (r.has("min")) check_not_negative("normal", "min", r["min"], d, diags);
  if (s.lower && s.upper && *s.lower > *s.upper) {
    diags.error(r["max"].loc, "normal: min " + format_shortest(*s.lower) + " is greater than max " +
                                  format_shortest(*s.upper));
    return;
  }
  if (s.b == 0) {
    bool inside = (!s.lower || s.a >= *s.lower) && (!s.upper || s.a <= *s.upper);
    require(inside, r["mean"].loc, "normal: with sd 0 the mean must lie within [min, max]", diags);
    return;
  }
  // The truncation interval must hold some probability (closer than 37 sd to the mean).
  double z_lo = s.lower ? (*s.lower - s.a) / s.b : -HUGE_VAL;
  double z_hi = s.upper ? (*s.upper - s.a) / s.b : HUGE_VAL;
  require(z_lo < 37 && z_hi > -37, r["mean"].loc,
          "normal: [min, max] is more than 37 standard deviations from the mean; nothing to sample", diags);
}

void parse_lognormal(DistributionSpec& s, const Node& params, ParamReader& r, Dimension d, Diagnostics& diags) {
  bool by_mu = params.is_mapping() && (params.find("mu") || params.find("sigma"));
  if (by_mu) {
    if (!r.read({"mu", "sigma"}, {true, true})) return;
    s.a = r["mu"].value;
    s.b = r["sigma"].value;
    require(s.b >= 0, r["sigma"].loc, "lognormal: sigma must not be negative (got " + format_shortest(s.b) + ")",
            diags);
    return;
  }
  if (!params.is_mapping()) {
    diags.error(params.loc, "lognormal takes {mu, sigma} or {median, p95}; got " + params.type_name());
    return;
  }
  if (!r.read({"median", "p95"}, {false, false})) return;
  const Param& median = r["median"];
  const Param& p95 = r["p95"];
  if (!check_positive("lognormal", "median", median, diags)) return;
  if (!require(median.value < p95.value, p95.loc,
               "lognormal: median " + format_shortest(median.value) + " must be less than p95 " +
                   format_shortest(p95.value),
               diags))
    return;
  (void)d;
  s.a = std::log(median.value);
  s.b = (std::log(p95.value) - std::log(median.value)) / kZ95;
}

void parse_discrete(DistributionSpec& s, const Node& params, Dimension d, Diagnostics& diags) {
  if (!params.is_mapping() || params.members.empty()) {
    diags.error(params.loc, "discrete takes {value: weight, ...}; got " + params.type_name());
    return;
  }
  // Numeric when every key reads as a quantity of the dimension; labels (strings) otherwise.
  bool numeric = std::all_of(params.members.begin(), params.members.end(),
                             [&](const Member& m) { return parse_quantity(m.key, d).has_value(); });
  double sum = 0;
  bool ok = true;
  for (std::size_t i = 0; i < params.members.size(); ++i) {
    const Member& m = params.members[i];
    auto w = m.value.number();
    if (!w || !std::isfinite(*w) || *w < 0 || *w > 1) {
      diags.error(m.value.loc, "discrete: weight of \"" + m.key + "\" must be a number in [0, 1], got " +
                                   (w ? format_shortest(*w) : m.value.type_name()));
      ok = false;
      continue;
    }
    sum += *w;
    s.weights.push_back(*w);
    if (numeric) {
      double v = *parse_quantity(m.key, d);
      if (nonnegative_dimension(d) && v < 0) {
        diags.error(m.key_loc, std::string("discrete: a ") + dimension_name(d) + " must not be negative (got " +
                                   format_shortest(v) + ")");
        ok = false;
      }
      s.values.push_back(v);
    } else {
      s.values.push_back(static_cast<double>(i));
      s.labels.push_back(m.key);
    }
  }
  if (ok && std::fabs(sum - 1.0) > 1e-9)
    diags.error(params.loc, "discrete: weights sum to " + format_shortest(sum) + ", not 1");
}

void parse_empirical(DistributionSpec& s, const Node& params, Dimension d, Diagnostics& diags) {
  const Node* file = &params;
  std::optional<std::string> column;
  SourceLocation column_loc;
  if (params.is_mapping()) {
    check_known_keys(params, {"csv", "column"}, diags, "parameter");
    file = params.find("csv");
    if (!file) {
      diags.error(params.loc, "empirical is missing \"csv\"");
      return;
    }
    if (const Node* c = params.find("column")) {
      column = c->text;
      column_loc = c->loc;
    }
  }
  if (!file->is_scalar() || file->text.empty()) {
    diags.error(file->loc, "empirical: csv must be a file name, got " + file->type_name());
    return;
  }
  auto samples = read_empirical_csv(file->text, file->loc, column, column_loc, d, diags);
  if (!samples) return;
  s.samples = std::move(samples->values);
  s.source_file = std::move(samples->path);
  s.source_sha256 = std::move(samples->sha256);
}

}  // namespace

DistributionSpec parse_distribution(const Node& node, Dimension d, Diagnostics& diags) {
  DistributionSpec s;
  s.loc = node.loc;
  s.dimension = d;
  if (node.is_scalar()) {
    std::string why;
    auto v = parse_quantity(node.text, d, &why);
    if (!v) {
      diags.error(node.loc, why);
      return s;
    }
    if (nonnegative_dimension(d) && *v < 0)
      diags.error(node.loc, std::string("a ") + dimension_name(d) + " must not be negative (got " +
                                format_shortest(*v) + ")");
    return DistributionSpec::constant_value(*v, d);
  }
  if (!node.is_mapping() || node.members.empty()) {
    diags.error(node.loc, "expected a distribution such as {uniform: [1, 2]}, got " + node.type_name());
    return s;
  }
  for (std::size_t i = 1; i < node.members.size(); ++i)
    diags.error(node.members[i].key_loc, "a distribution is a mapping with one key (its kind); unexpected \"" +
                                             node.members[i].key + "\"");
  const Member& m = node.members[0];
  const auto& kinds = kind_names();
  auto it = std::find(kinds.begin(), kinds.end(), m.key);
  if (it == kinds.end()) {
    diags.error(m.key_loc, unknown_name_message("distribution", m.key, kinds));
    return s;
  }
  s.kind = static_cast<DistributionKind>(it - kinds.begin());
  s.loc = m.key_loc;
  if (d == Dimension::none) d = infer_dimension(m.value);
  s.dimension = d;
  const Node& params = m.value;
  ParamReader r(m.key, params, d, diags);
  switch (s.kind) {
    case DistributionKind::constant:
      if (params.is_scalar()) {
        DistributionSpec c = parse_distribution(params, d, diags);
        c.loc = s.loc;
        return c;
      }
      diags.error(params.loc, "constant takes a single value; got " + params.type_name());
      break;
    case DistributionKind::uniform: parse_range(s, m.key, r, d, false, diags); break;
    case DistributionKind::triangular:
    case DistributionKind::pert: parse_range(s, m.key, r, d, true, diags); break;
    case DistributionKind::normal: parse_normal(s, r, d, diags); break;
    case DistributionKind::lognormal: parse_lognormal(s, params, r, d, diags); break;
    case DistributionKind::exponential:
      if (params.is_scalar() ? r.take("mean", params, false) : r.read({"mean"}, {false})) {
        s.a = r["mean"].value;
        check_positive("exponential", "mean", r["mean"], diags);
      }
      break;
    case DistributionKind::gamma:
    case DistributionKind::weibull:
      if (r.read({"shape", "scale"}, {true, false})) {
        s.a = r["shape"].value;
        s.b = r["scale"].value;
        check_positive(m.key, "shape", r["shape"], diags);
        check_positive(m.key, "scale", r["scale"], diags);
      }
      break;
    case DistributionKind::bernoulli:
      if (params.is_scalar() ? r.take("p", params, true) : r.read({"p"}, {true})) {
        s.a = r["p"].value;
        require(s.a >= 0 && s.a <= 1, r["p"].loc, "probability " + format_shortest(s.a) + " is outside [0, 1]",
                diags);
      }
      break;
    case DistributionKind::discrete: parse_discrete(s, params, d, diags); break;
    case DistributionKind::empirical: parse_empirical(s, params, d, diags); break;
  }
  return s;
}

}  // namespace flowcost::model
