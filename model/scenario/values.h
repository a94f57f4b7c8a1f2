#pragma once
// The value forms a scenario field can take: a number (with units), an expression over inputs
// (evaluated once per outer draw), or a distribution (sampled per execution). Shared by every design kind.
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "model/diagnostics.h"
#include "model/distribution.h"
#include "model/document.h"
#include "model/expression.h"
#include "model/line_index.h"
#include "model/source_file.h"
#include "model/input_files.h"

namespace flowcost::model {

struct ValueSpec {
  enum class Kind { number, expression, distribution } kind = Kind::number;
  double number = 0;
  Expression expression;
  DistributionSpec distribution;
  SourceLocation loc;
  // number and distribution: the field's dimension, or (Dimension::none fields: inputs, workload items)
  // the dimension of the units written (`35ms` is a duration); expressions: see value_dimension().
  Dimension dimension = Dimension::none;
};

// `{lognormal: {median: 35ms, p95: 120ms}}`, `{uniform: [200ms, 600ms]}`, `{discrete: {1: 0.5, 2: 0.5}}`,
// `{empirical: samples.csv}`, or a plain quantity (constant). Errors (unknown kind with did-you-mean,
// impossible parameters, weights not summing to 1) go to `diags`.
DistributionSpec parse_distribution(const Node& node, Dimension d, Diagnostics& diags);

// Resolves a distribution whose parameters name inputs (DistributionSpec::depends_on_inputs) at one draw:
// each such parameter is evaluated with `lookup`, then the constraints are checked exactly as at load (where
// they are checked for literal parameters) and a, b, c, lower, upper set; the result has no parameters
// left. A constraint broken in this draw is an InputError at the parameter, naming the distribution, the
// parameters that name inputs, their values and the draw (`where`, "in draw 3"):
// `bernoulli p "anomaly_rate" is 1.5 in draw 3 (probability 1.5 is outside [0, 1])`.
DistributionSpec resolve_distribution(const DistributionSpec& spec,
                                      const std::function<double(std::string_view)>& lookup,
                                      const std::string& where);

// Does a scalar's text read as a quantity (digits and a unit), so that failing to read it is a bad
// quantity rather than an expression?
bool reads_as_quantity(std::string_view text);
// The scalar's text as an expression, its position at the text's first character (after a quote). While an
// ExpressionSource of the scalar's file lives on this thread, every byte (a name, a syntax error) is at its
// own line and column, in a block scalar (`|`, `>-`) and after escapes too (templates::scalar_text);
// otherwise at that first character plus its offset.
Expression parse_expression_node(const Node& node, Diagnostics& diags);

// The file whose scalars parse_expression_node traces, for the lifetime of this object (load_scenario
// makes one for the scenario file). Not copyable; nests (the innermost is used).
class ExpressionSource {
 public:
  explicit ExpressionSource(const SourceFile& file);
  ~ExpressionSource();
  ExpressionSource(const ExpressionSource&) = delete;
  ExpressionSource& operator=(const ExpressionSource&) = delete;

  const std::string& path() const { return path_; }
  const LineIndex& lines() const { return lines_; }
  static const ExpressionSource* current();

 private:
  std::string path_;
  LineIndex lines_;
  const ExpressionSource* previous_;
};

// A number or quantity (`35ms`), a name or expression string (`alarm_fraction`, `a * 2`), or a
// distribution mapping.
ValueSpec parse_value(const Node& node, Dimension d, Diagnostics& diags);

// A plain quantity only (no expression, no distribution); std::nullopt and an error otherwise.
std::optional<double> parse_number(const Node& node, Dimension d, Diagnostics& diags);

// A probability: a number in [0, 1] or an expression (checked per draw). Errors otherwise.
ValueSpec parse_probability(const Node& node, Diagnostics& diags);

// Adds the CSV file an empirical distribution was read from (nothing for other kinds) to `files`.
void note_input_files(const DistributionSpec& d, InputFiles& files);
void note_input_files(const ValueSpec& v, InputFiles& files);

}  // namespace flowcost::model
