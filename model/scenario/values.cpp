#include "model/scenario/values.h"

#include <cctype>
#include <cmath>

#include "model/number_format.h"
#include "model/template/mapped_text.h"
#include "model/units.h"

namespace flowcost::model {

namespace {

bool nonnegative_dimension(Dimension d) { return d == Dimension::duration_ms || d == Dimension::size_bytes; }

// Does the text start like a number (so that a failure to read it is a bad quantity, not an expression)?
bool looks_numeric(std::string_view t) {
  std::size_t i = 0;
  while (i < t.size() && std::isspace(static_cast<unsigned char>(t[i]))) ++i;
  if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
  if (i < t.size() && t[i] == '$') ++i;
  if (i < t.size() && t[i] == '.') ++i;
  return i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]));
}

// Only digits, a unit and spaces: a quantity, never an expression.
bool plain_quantity_text(std::string_view t) {
  for (char c : t)
    if (c == '*' || c == '/' || c == '(' || c == ')' || c == '^' || c == ',') return false;
  double v = 0;
  std::size_t i = (t.size() > 0 && t[0] == '$') ? 1 : 0;
  std::size_t used = scan_number(t.substr(i), v);
  if (used == 0) return false;
  for (char c : t.substr(i + used))
    if (c == '+' || c == '-') return false;
  return true;
}

bool check_range(double v, Dimension d, const SourceLocation& loc, Diagnostics& diags) {
  if (!std::isfinite(v)) {
    diags.error(loc, std::string("a ") + dimension_name(d) + " must be finite");
    return false;
  }
  if (nonnegative_dimension(d) && v < 0) {
    diags.error(loc, std::string("a ") + dimension_name(d) + " must not be negative (got " + format_shortest(v) + ")");
    return false;
  }
  if (d == Dimension::probability && (v < 0 || v > 1)) {
    diags.error(loc, "probability " + format_shortest(v) + " is outside [0, 1]");
    return false;
  }
  if (d == Dimension::count && v < 0) {
    diags.error(loc, "a count must not be negative (got " + format_shortest(v) + ")");
    return false;
  }
  return true;
}

SourceLocation text_start(const Node& node) {
  SourceLocation loc = node.loc;
  if (node.quoted && loc.column > 0) loc.column += 1;
  return loc;
}

}  // namespace

bool reads_as_quantity(std::string_view text) { return looks_numeric(text) && plain_quantity_text(text); }

namespace {
thread_local const ExpressionSource* g_expression_source = nullptr;
}  // namespace

ExpressionSource::ExpressionSource(const SourceFile& file)
    : path_(file.path), lines_(file.text), previous_(g_expression_source) {
  g_expression_source = this;
}

ExpressionSource::~ExpressionSource() { g_expression_source = previous_; }

const ExpressionSource* ExpressionSource::current() { return g_expression_source; }

Expression parse_expression_node(const Node& node, Diagnostics& diags) {
  const ExpressionSource* source = ExpressionSource::current();
  if (!source || source->path() != node.loc.file) return Expression::parse(node.text, text_start(node), diags);
  const templates::MappedText mapped = templates::scalar_text(node, source->path(), source->lines());
  if (mapped.origin.size() != node.text.size()) return Expression::parse(node.text, text_start(node), diags);
  return Expression::parse(node.text, text_start(node),
                           [&](std::size_t offset) {
                             if (mapped.origin.empty()) return text_start(node);
                             const auto& o = mapped.origin[std::min(offset, mapped.origin.size() - 1)];
                             SourceLocation l{node.loc.file, o.line, o.column};
                             if (offset >= mapped.origin.size()) l.column += 1;  // just after the last byte
                             return l;
                           },
                           diags);
}

ValueSpec parse_value(const Node& node, Dimension d, Diagnostics& diags) {
  ValueSpec v;
  v.loc = node.loc;
  if (node.is_mapping()) {
    v.distribution = parse_distribution(node, d, diags);
    v.dimension = v.distribution.dimension;
    if (v.distribution.is_constant()) {
      v.kind = ValueSpec::Kind::number;
      v.number = v.distribution.a;
    } else {
      v.kind = ValueSpec::Kind::distribution;
    }
    return v;
  }
  if (!node.is_scalar() || node.boolean() || node.text.empty()) {
    diags.error(node.loc, std::string("expected a ") + dimension_name(d) +
                              ", an expression or a distribution, got " + node.type_name());
    return v;
  }
  std::string why;
  if (auto q = parse_quantity(node.text, d, &why)) {
    v.kind = ValueSpec::Kind::number;
    v.number = *q;
    v.dimension = d != Dimension::none ? d : quantity_dimension(node.text);
    check_range(*q, d, node.loc, diags);
    return v;
  }
  if (reads_as_quantity(node.text)) {
    diags.error(node.loc, why);
    return v;
  }
  v.kind = ValueSpec::Kind::expression;
  v.expression = parse_expression_node(node, diags);
  return v;
}

std::optional<double> parse_number(const Node& node, Dimension d, Diagnostics& diags) {
  if (!node.is_scalar() || node.boolean()) {
    diags.error(node.loc, std::string("expected a ") + dimension_name(d) + ", got " + node.type_name());
    return std::nullopt;
  }
  std::string why;
  auto q = parse_quantity(node.text, d, &why);
  if (!q) {
    diags.error(node.loc, why);
    return std::nullopt;
  }
  if (!check_range(*q, d, node.loc, diags)) return std::nullopt;
  return q;
}

ValueSpec parse_probability(const Node& node, Diagnostics& diags) {
  if (node.is_mapping()) {
    ValueSpec v;
    v.loc = node.loc;
    diags.error(node.loc, "a probability is a number in [0, 1] or an expression over inputs, not a distribution");
    return v;
  }
  return parse_value(node, Dimension::probability, diags);
}

void note_input_files(const DistributionSpec& d, InputFiles& files) {
  if (d.kind == DistributionKind::empirical && !d.source_file.empty()) files[d.source_file] = d.source_sha256;
}

void note_input_files(const ValueSpec& v, InputFiles& files) {
  if (v.kind == ValueSpec::Kind::distribution) note_input_files(v.distribution, files);
}

}  // namespace flowcost::model
