#pragma once
// Arithmetic over named scenario inputs: `devices * messages_per_device_per_day * 30`. Numbers (with
// units where the field has a dimension), names, + - * / ^, unary minus, parentheses, and the functions
// min(a, b), max(a, b), ceil(x), floor(x). Parsed once (errors at the column), evaluated per outer draw.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.h"
#include "model/distribution.h"
#include "model/source_location.h"

namespace flowcost::model {

struct ExprNode;

class Expression {
 public:
  Expression() = default;
  // Reports syntax errors to `diags` at their column (relative to `loc`); returns an empty expression then.
  static Expression parse(std::string_view text, const SourceLocation& loc, Diagnostics& diags);
  // The same with every byte of `text` at `at(offset)` (a block scalar's lines, a quoted string's escapes);
  // `at(text.size())` is just after the last byte. `loc` is the value's own position.
  static Expression parse(std::string_view text, const SourceLocation& loc,
                          const std::function<SourceLocation(std::size_t)>& at, Diagnostics& diags);

  bool valid() const { return root_ != nullptr; }
  const std::string& text() const { return text_; }
  const SourceLocation& loc() const { return loc_; }
  // Every name the expression refers to, in first-use order.
  const std::vector<std::string>& names() const { return names_; }
  // Where names()[i] is first written (the expression's position when not known).
  const SourceLocation& name_loc(std::size_t i) const { return i < name_locs_.size() ? name_locs_[i] : loc_; }
  // The name, when the whole expression is one name and nothing else (blanks around it aside): such a
  // value is read directly, without evaluation.
  std::optional<std::string_view> bare_name() const {
    if (names_.size() != 1) return std::nullopt;
    std::string_view t = text_;
    const auto first = t.find_first_not_of(" \t");
    if (first == std::string_view::npos) return std::nullopt;
    t = t.substr(first, t.find_last_not_of(" \t") - first + 1);
    if (t != names_[0]) return std::nullopt;
    return std::string_view(names_[0]);
  }
  // The expression's dimension when it is known statically: Dimension::none for a plain number (counts
  // and probabilities included), duration_ms, size_bytes or usd from the units written in it and the
  // dimensions of its names (`of_name`; std::nullopt when a name's is unknown). A sum or min/max of like
  // quantities keeps their dimension, a product or quotient with a plain number keeps the other's, a
  // quotient of like quantities is plain; std::nullopt otherwise (unknown or no dimension of ours).
  std::optional<Dimension> dimension(const std::function<std::optional<Dimension>(std::string_view)>& of_name) const;
  // `lookup` returns the value of a name; every name must resolve (checked at load time).
  double evaluate(const std::function<double(std::string_view)>& lookup) const;

 private:
  std::shared_ptr<const ExprNode> root_;
  std::string text_;
  SourceLocation loc_;
  std::vector<std::string> names_;
  std::vector<SourceLocation> name_locs_;
};

}  // namespace flowcost::model
