// parse_distribution: the distribution mappings of scenario files (docs/scenario-format.md "Distributions").
#include <algorithm>
#include <cmath>
#include <memory>

#include "model/expression.h"
#include "model/number_format.h"
#include "model/scenario/distribution_parameters.h"
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

// Reads the parameters of one distribution: a sequence in `names` order, or a mapping with those keys.
// `bare` parameters (shapes, log-space mu/sigma, probabilities) take no unit. A parameter that is not a
// quantity is a name or an expression over inputs (resolved per draw, resolve_distribution).
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

  bool take(const std::string& name, const Node& node, bool bare) {
    Dimension d = bare ? Dimension::count : d_;
    if (!node.is_scalar()) {
      diags_.error(node.loc, kind_ + ": " + name + " must be a " + dimension_name(d) + ", got " + node.type_name());
      return false;
    }
    DistributionParameter param;
    param.name = name;
    param.loc = node.loc;
    param.bare = bare;
    std::string why;
    auto v = parse_quantity(node.text, bare ? Dimension::none : d_, &why);
    if (v && bare && quantity_dimension(node.text) != Dimension::none) {
      v.reset();
      why = kind_ + ": " + name + " takes a plain number, without a unit";
    } else if (!v && !node.boolean() && !node.text.empty() && !reads_as_quantity(node.text)) {
      Expression e = parse_expression_node(node, diags_);
      if (!e.valid()) return false;
      param.loc = e.loc();
      param.expression = std::make_shared<const Expression>(std::move(e));
      written_.push_back(std::move(param));
      return true;
    }
    if (!v) {
      diags_.error(node.loc, why);
      return false;
    }
    param.value = *v;
    written_.push_back(std::move(param));
    return true;
  }

  const std::vector<DistributionParameter>& written() const { return written_; }
  bool names_inputs() const {
    return std::any_of(written_.begin(), written_.end(), [](const auto& p) { return p.expression != nullptr; });
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
  std::vector<DistributionParameter> written_;
};

// Reads the numeric parameters of kinds uniform to bernoulli; false when they could not be read.
bool read_parameters(DistributionKind kind, const Node& params, ParamReader& r,
                     Diagnostics& diags) {
  switch (kind) {
    case DistributionKind::uniform: return r.read({"min", "max"}, {false, false});
    case DistributionKind::triangular:
    case DistributionKind::pert: return r.read({"min", "mode", "max"}, {false, false, false});
    case DistributionKind::normal: return r.read({"mean", "sd"}, {false, false}, {"min", "max"});
    case DistributionKind::lognormal:
      if (params.is_mapping() && (params.find("mu") || params.find("sigma"))) return r.read({"mu", "sigma"}, {true, true});
      if (!params.is_mapping()) {
        diags.error(params.loc, "lognormal takes {mu, sigma} or {median, p95}; got " + params.type_name());
        return false;
      }
      return r.read({"median", "p95"}, {false, false});
    case DistributionKind::exponential: return params.is_scalar() ? r.take("mean", params, false) : r.read({"mean"}, {false});
    case DistributionKind::gamma:
    case DistributionKind::weibull: return r.read({"shape", "scale"}, {true, false});
    case DistributionKind::bernoulli: return params.is_scalar() ? r.take("p", params, true) : r.read({"p"}, {true});
    case DistributionKind::constant:
    case DistributionKind::discrete:
    case DistributionKind::empirical: break;
  }
  return false;
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
  switch (s.kind) {
    case DistributionKind::constant:
      if (params.is_scalar()) {
        DistributionSpec c = parse_distribution(params, d, diags);
        c.loc = s.loc;
        return c;
      }
      diags.error(params.loc, "constant takes a single value; got " + params.type_name());
      break;
    case DistributionKind::discrete: parse_discrete(s, params, d, diags); break;
    case DistributionKind::empirical: parse_empirical(s, params, d, diags); break;
    default: {
      ParamReader r(m.key, params, d, diags);
      if (!read_parameters(s.kind, params, r, diags)) break;
      std::vector<double> literal(r.written().size(), std::nan(""));
      distribution_detail::build_parameters(s, distribution_detail::param_values(r.written(), literal), &diags,
                                            nullptr);
      if (r.names_inputs()) s.parameters = r.written();
      break;
    }
  }
  return s;
}

}  // namespace flowcost::model
