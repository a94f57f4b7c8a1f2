#include "model/expression.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <stdexcept>

#include "model/errors.h"
#include "model/nesting_limit.h"
#include "model/suggest.h"
#include "model/units.h"

namespace flowcost::model {

enum class ExprOp { number, name, neg, add, sub, mul, div, pow, min, max, ceil, floor, round };

struct ExprNode {
  ExprOp op = ExprOp::number;
  double value = 0;
  Dimension dimension = Dimension::none;  // number: the dimension of its unit (none for a bare number)
  std::string name;
  std::shared_ptr<const ExprNode> lhs, rhs;
  int height = 1;  // levels of this subtree: evaluation (and destruction) recurse this deep
};

namespace {

using NodePtr = std::shared_ptr<const ExprNode>;

struct Function {
  std::string_view name;
  ExprOp op;
  int arity;
};
constexpr Function kFunctions[] = {
    {"min", ExprOp::min, 2},     {"max", ExprOp::max, 2},     {"ceil", ExprOp::ceil, 1},
    {"floor", ExprOp::floor, 1}, {"round", ExprOp::round, 1},
};

struct SyntaxError {
  std::size_t offset;
  std::string message;
};

// The message when an expression nests (parentheses, functions, unary signs, operator chains) deeper
// than kMaxExpressionNesting levels.
std::string too_deep_message() {
  return "the expression nests " + NestingDepth().deeper_than_text();
}

bool is_name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Recursive descent over:  expr := term (('+'|'-') term)* ; term := unary (('*'|'/') unary)* ;
// unary := ('-'|'+') unary | power ; power := primary ('^' unary)? ; primary := number | name |
// function '(' args ')' | '(' expr ')'.  So -2^2 = -(2^2) and 2^3^2 = 2^(3^2).
class Parser {
 public:
  Parser(std::string_view text, std::vector<std::string>& names, std::vector<std::size_t>& name_offsets)
      : text_(text), names_(names), name_offsets_(name_offsets) {}

  NodePtr parse_all() {
    NodePtr n = expr();
    skip_space();
    if (pos_ < text_.size()) fail(pos_, "unexpected \"" + character_at(pos_) + "\"; expected an operator");
    return n;
  }

 private:
  [[noreturn]] void fail(std::size_t offset, std::string message) { throw SyntaxError{offset, std::move(message)}; }

  void skip_space() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  // The offset of the next token (after blanks).
  std::size_t op_offset() {
    skip_space();
    return pos_;
  }
  bool accept(char c) {
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  // A node over its operands; a tree higher than the limit (a chain of 100 additions is 100 levels:
  // evaluation recurses through it) is refused at `offset`.
  NodePtr make(std::size_t offset, ExprOp op, NodePtr lhs, NodePtr rhs = nullptr) {
    auto n = std::make_shared<ExprNode>();
    n->op = op;
    n->height = 1 + std::max(lhs ? lhs->height : 0, rhs ? rhs->height : 0);
    if (n->height > kMaxExpressionNesting) fail(offset, too_deep_message());
    n->lhs = std::move(lhs);
    n->rhs = std::move(rhs);
    return n;
  }

  NodePtr expr() {
    NodePtr n = term();
    for (;;) {
      std::size_t at = op_offset();
      if (accept('+')) n = make(at, ExprOp::add, n, term());
      else if (accept('-')) n = make(at, ExprOp::sub, n, term());
      else return n;
    }
  }
  NodePtr term() {
    NodePtr n = unary();
    for (;;) {
      std::size_t at = op_offset();
      if (accept('*')) n = make(at, ExprOp::mul, n, unary());
      else if (accept('/')) n = make(at, ExprOp::div, n, unary());
      else return n;
    }
  }
  // Every level of recursion passes here (parentheses and function arguments through expr()).
  NodePtr unary() {
    NestingGuard level(depth_);
    if (!level.entered()) fail(op_offset(), too_deep_message());
    std::size_t at = op_offset();
    if (accept('-')) return make(at, ExprOp::neg, unary());
    if (accept('+')) return unary();
    return power();
  }
  NodePtr power() {
    NodePtr base = primary();
    std::size_t at = op_offset();
    if (accept('^')) return make(at, ExprOp::pow, base, unary());
    return base;
  }

  NodePtr number() {
    std::size_t start = pos_;
    bool dollar = text_[pos_] == '$';
    if (dollar) ++pos_;
    double value = 0;
    std::size_t used = scan_number(text_.substr(pos_), value);
    if (used == 0) fail(start, dollar ? "expected a number after \"$\"" : "unexpected \".\"; expected a number");
    pos_ += used;
    std::size_t unit_start = pos_;
    while (pos_ < text_.size() && std::isalpha(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    std::string_view unit = text_.substr(unit_start, pos_ - unit_start);
    if (!unit.empty()) {
      auto info = find_unit(unit);
      if (!info || dollar)
        fail(unit_start, "unknown unit \"" + std::string(unit) +
                             "\"; use ms, s, min, h, d (durations), B, KB, MB, GB (sizes) or $ (money)");
      value *= info->factor;
    }
    if (!std::isfinite(value)) fail(start, "number is too large");
    auto n = std::make_shared<ExprNode>();
    n->op = ExprOp::number;
    n->value = value;
    n->dimension = dollar ? Dimension::usd : !unit.empty() ? find_unit(unit)->dimension : Dimension::none;
    return n;
  }

  NodePtr primary() {
    skip_space();
    if (pos_ >= text_.size()) fail(pos_, "expected a number, a name or \"(\" at the end of the expression");
    char c = text_[pos_];
    if (c == '(') {
      ++pos_;
      NodePtr n = expr();
      if (!accept(')')) fail(pos_, "missing \")\"");
      return n;
    }
    if (c == '$' || c == '.' || std::isdigit(static_cast<unsigned char>(c))) return number();
    if (is_name_start(c)) {
      std::size_t start = pos_;
      while (pos_ < text_.size() && is_name_char(text_[pos_])) ++pos_;
      std::string name(text_.substr(start, pos_ - start));
      skip_space();
      if (pos_ < text_.size() && text_[pos_] == '(') return call(name, start);
      pos_ = start + name.size();
      if (std::find(names_.begin(), names_.end(), name) == names_.end()) {
        names_.push_back(name);
        name_offsets_.push_back(start);
      }
      auto n = std::make_shared<ExprNode>();
      n->op = ExprOp::name;
      n->name = std::move(name);
      return n;
    }
    fail(pos_, "unexpected \"" + character_at(pos_) + "\"; expected a number, a name or \"(\"");
  }

  NodePtr call(const std::string& name, std::size_t start) {
    const Function* f = nullptr;
    for (const auto& fn : kFunctions)
      if (fn.name == name) f = &fn;
    if (!f) {
      std::vector<std::string> known;
      for (const auto& fn : kFunctions) known.emplace_back(fn.name);
      fail(start, unknown_name_message("function", name, known));
    }
    ++pos_;  // '('
    NodePtr a = expr();
    NodePtr b;
    if (f->arity == 2) {
      if (!accept(',')) fail(pos_, std::string(f->name) + "() takes 2 arguments");
      b = expr();
    }
    if (!accept(')')) {
      skip_space();
      if (pos_ < text_.size() && text_[pos_] == ',')
        fail(pos_, std::string(f->name) + "() takes " + std::to_string(f->arity) + " argument" +
                       (f->arity == 1 ? "" : "s"));
      fail(pos_, "missing \")\"");
    }
    return make(start, f->op, a, b);
  }

  std::string_view text_;
  // The character at byte `pos`, whole (a full-width digit is three bytes of UTF-8), for messages.
  std::string character_at(std::size_t pos) const {
    std::size_t width = 1;
    while (pos + width < text_.size() && (static_cast<unsigned char>(text_[pos + width]) & 0xC0) == 0x80) ++width;
    return std::string(text_.substr(pos, width));
  }

  std::vector<std::string>& names_;
  std::vector<std::size_t>& name_offsets_;
  std::size_t pos_ = 0;
  NestingDepth depth_;
};

double eval(const ExprNode& n, const std::function<double(std::string_view)>& lookup) {
  switch (n.op) {
    case ExprOp::number: return n.value;
    case ExprOp::name: return lookup(n.name);
    case ExprOp::neg: return -eval(*n.lhs, lookup);
    case ExprOp::add: return eval(*n.lhs, lookup) + eval(*n.rhs, lookup);
    case ExprOp::sub: return eval(*n.lhs, lookup) - eval(*n.rhs, lookup);
    case ExprOp::mul: return eval(*n.lhs, lookup) * eval(*n.rhs, lookup);
    case ExprOp::div: return eval(*n.lhs, lookup) / eval(*n.rhs, lookup);
    case ExprOp::pow: return std::pow(eval(*n.lhs, lookup), eval(*n.rhs, lookup));
    case ExprOp::min: return std::min(eval(*n.lhs, lookup), eval(*n.rhs, lookup));
    case ExprOp::max: return std::max(eval(*n.lhs, lookup), eval(*n.rhs, lookup));
    case ExprOp::ceil: return std::ceil(eval(*n.lhs, lookup));
    case ExprOp::floor: return std::floor(eval(*n.lhs, lookup));
    case ExprOp::round: return std::round(eval(*n.lhs, lookup));
  }
  throw InternalError("unknown expression operator");
}

}  // namespace

Expression Expression::parse(std::string_view text, const SourceLocation& loc, Diagnostics& diags) {
  return parse(text, loc,
               [&loc](std::size_t offset) {
                 SourceLocation at = loc;
                 if (at.column > 0) at.column += static_cast<int>(offset);
                 return at;
               },
               diags);
}

Expression Expression::parse(std::string_view text, const SourceLocation& loc,
                             const std::function<SourceLocation(std::size_t)>& at, Diagnostics& diags) {
  Expression e;
  e.text_ = std::string(text);
  e.loc_ = loc;
  std::vector<std::string> names;
  std::vector<std::size_t> offsets;
  try {
    Parser parser(text, names, offsets);
    e.root_ = parser.parse_all();
    e.names_ = std::move(names);
    for (std::size_t offset : offsets) e.name_locs_.push_back(at(offset));
  } catch (const SyntaxError& err) {
    diags.error(at(err.offset), err.message);
    e.root_.reset();
  }
  return e;
}

namespace {

// Durations, sizes and money are physical; probabilities and counts are plain numbers.
std::optional<Dimension> physical(std::optional<Dimension> d) {
  if (d && (*d == Dimension::probability || *d == Dimension::count)) return Dimension::none;
  return d;
}

std::optional<Dimension> dimension_of(const ExprNode& n,
                                      const std::function<std::optional<Dimension>(std::string_view)>& of_name) {
  auto child = [&](const std::shared_ptr<const ExprNode>& c) { return dimension_of(*c, of_name); };
  switch (n.op) {
    case ExprOp::number: return physical(n.dimension);
    case ExprOp::name: return physical(of_name(n.name));
    case ExprOp::neg:
    case ExprOp::ceil:
    case ExprOp::floor:
    case ExprOp::round: return child(n.lhs);
    case ExprOp::add:
    case ExprOp::sub:
    case ExprOp::min:
    case ExprOp::max:
    case ExprOp::mul: {
      const auto a = child(n.lhs), b = child(n.rhs);
      if (!a || !b) return std::nullopt;
      if (*a == Dimension::none) return b;
      if (*b == Dimension::none || (*a == *b && n.op != ExprOp::mul)) return a;
      return std::nullopt;  // a size times a duration, or a sum of unlike quantities: no dimension of ours
    }
    case ExprOp::div: {
      const auto a = child(n.lhs), b = child(n.rhs);
      if (!a || !b) return std::nullopt;
      if (*b == Dimension::none) return a;
      if (*a == *b) return Dimension::none;  // a ratio
      return std::nullopt;
    }
    case ExprOp::pow: {
      const auto a = child(n.lhs), b = child(n.rhs);
      if (a == Dimension::none && b == Dimension::none) return Dimension::none;
      return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<Dimension> Expression::dimension(
    const std::function<std::optional<Dimension>(std::string_view)>& of_name) const {
  if (!root_) return std::nullopt;
  return dimension_of(*root_, of_name);
}

double Expression::evaluate(const std::function<double(std::string_view)>& lookup) const {
  if (!root_) throw InternalError("evaluating an invalid expression: " + text_);
  return eval(*root_, lookup);
}

}  // namespace flowcost::model
