#include "model/scenario/iot_sql.h"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <functional>

#include "model/nesting_limit.h"
#include "model/scenario/iot_topic_filter.h"

namespace flowcost::model {

const char* to_string(SqlCompare op) {
  switch (op) {
    case SqlCompare::eq: return "=";
    case SqlCompare::ne: return "<>";
    case SqlCompare::lt: return "<";
    case SqlCompare::le: return "<=";
    case SqlCompare::gt: return ">";
    case SqlCompare::ge: return ">=";
  }
  return "?";
}

namespace {

struct Token {
  enum class Kind { word, number, string, op, lparen, rparen, other, end } kind = Kind::end;
  std::string text;  // word/op/other: as written; string: contents; number: as written
  double number = 0;
  std::size_t offset = 0;
  char quote = 0;  // string: ' or "
};

bool is_word_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.'; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

bool keyword_is(const Token& t, std::string_view kw) {
  if (t.kind != Token::Kind::word || t.text.size() != kw.size()) return false;
  for (std::size_t i = 0; i < kw.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(t.text[i])) != kw[i]) return false;
  return true;
}

class Parser {
 public:
  Parser(std::string_view text, const std::function<SourceLocation(std::size_t)>& at, Diagnostics& diags)
      : text_(text), at_(at), diags_(diags) {}

  std::optional<IotSql> parse() {
    if (!tokenize()) return std::nullopt;
    IotSql sql;
    sql.text = std::string(text_);
    sql.loc = at(0);
    if (!keyword_is(peek(), "SELECT")) return fail(peek(), "the rule SQL must start with SELECT");
    ++pos_;
    // The SELECT list is read to its end (FROM or WHERE outside parentheses: a nested SELECT has its own
    // FROM), not interpreted.
    std::size_t select_items = 0;
    std::vector<std::size_t> open;  // the ( not closed yet
    while (peek().kind != Token::Kind::end &&
           !(open.empty() && (keyword_is(peek(), "FROM") || keyword_is(peek(), "WHERE")))) {
      if (peek().kind == Token::Kind::lparen) open.push_back(pos_);
      if (peek().kind == Token::Kind::rparen) {
        if (open.empty()) return fail(peek(), "this ) closes no (");
        open.pop_back();
      }
      ++pos_;
      ++select_items;
    }
    if (!open.empty()) {
      const int column = at(tokens_[open.back()].offset).column;
      return fail(peek(), "expected ) to close the ( at column " + std::to_string(column) + ", found " + describe(peek()));
    }
    if (select_items == 0) return fail(peek(), "expected what to SELECT (for example *)");
    // FROM is optional for a rule that only Basic Ingest triggers ($aws/rules/NAME): the design checks that.
    if (keyword_is(peek(), "FROM")) {
      ++pos_;
      if (peek().kind != Token::Kind::string || peek().quote != '\'')
        return fail(peek(), "expected a topic filter in single quotes after FROM");
      if (!check_topic_filter(peek())) return std::nullopt;
      sql.topic_filter = peek().text;
      ++pos_;
    }
    if (keyword_is(peek(), "WHERE")) {
      ++pos_;
      auto cond = parse_or();
      if (!cond) return std::nullopt;
      sql.where = std::move(*cond);
    }
    if (peek().kind != Token::Kind::end) {
      if (sql.where) return fail(peek(), "expected AND, OR or the end of the statement, found " + describe(peek()));
      if (!sql.topic_filter)
        return fail(peek(), "expected FROM 'topic/filter' after the SELECT list, found " + describe(peek()));
      return fail(peek(), "expected WHERE or the end of the statement, found " + describe(peek()));
    }
    return sql;
  }

 private:
  SourceLocation at(std::size_t offset) const { return at_(offset); }

  std::nullopt_t fail(const Token& t, const std::string& message) {
    diags_.error(at(t.offset), message);
    return std::nullopt;
  }

  static std::string describe(const Token& t) {
    switch (t.kind) {
      case Token::Kind::end: return "the end of the statement";
      case Token::Kind::string: return std::string(1, t.quote) + t.text + std::string(1, t.quote);
      default: return "\"" + t.text + "\"";
    }
  }

  // A topic filter: not empty, its wildcards in whole levels (iot_topic_filter.h).
  bool check_topic_filter(const Token& t) {
    if (t.text.empty()) {
      diags_.error(at(t.offset), "the topic filter after FROM is empty");
      return false;
    }
    if (auto problem = topic_filter_problem(t.text)) {
      diags_.error(at(t.offset + 1 + problem->offset), problem->message);  // + 1: the opening quote
      return false;
    }
    return true;
  }

  const Token& peek() const { return tokens_[pos_]; }

  bool tokenize() {
    std::size_t i = 0;
    while (i < text_.size()) {
      char c = text_[i];
      if (std::isspace(static_cast<unsigned char>(c))) {
        ++i;
        continue;
      }
      Token t;
      t.offset = i;
      if (is_word_start(c)) {
        std::size_t j = i;
        while (j < text_.size() && is_word_char(text_[j])) ++j;
        t.kind = Token::Kind::word;
        t.text = std::string(text_.substr(i, j - i));
        i = j;
      } else if (is_digit(c) || (c == '.' && i + 1 < text_.size() && is_digit(text_[i + 1]))) {
        // Decimal digits, an optional fraction and exponent (AWS IoT SQL has no hexadecimal literals).
        std::size_t j = i;
        while (j < text_.size() && is_digit(text_[j])) ++j;
        if (j < text_.size() && text_[j] == '.') {
          ++j;
          while (j < text_.size() && is_digit(text_[j])) ++j;
        }
        if (j < text_.size() && (text_[j] == 'e' || text_[j] == 'E')) {
          std::size_t k = j + 1;
          if (k < text_.size() && (text_[k] == '+' || text_[k] == '-')) ++k;
          if (k < text_.size() && is_digit(text_[k])) {
            while (k < text_.size() && is_digit(text_[k])) ++k;
            j = k;
          }
        }
        if (j < text_.size() && (is_word_start(text_[j]) || text_[j] == '.')) {
          diags_.error(at(i), "malformed number \"" + std::string(text_.substr(i, j + 1 - i)) + "\"");
          return false;
        }
        t.kind = Token::Kind::number;
        t.text = std::string(text_.substr(i, j - i));
        t.number = std::strtod(t.text.c_str(), nullptr);
        if (!std::isfinite(t.number)) {
          diags_.error(at(i), "the number " + t.text + " is too large");
          return false;
        }
        i = j;
      } else if (c == '/' && i + 1 < text_.size() && text_[i + 1] == '*') {
        diags_.error(at(i), "AWS IoT SQL has no comments (\"/*\")");
        return false;
      } else if (c == '-' && i + 1 < text_.size() && text_[i + 1] == '-') {
        diags_.error(at(i), "AWS IoT SQL has no comments (\"--\")");
        return false;
      } else if (c == '\'' || c == '"') {
        // A string in single quotes, or in double quotes as AWS's examples also write them; the quote
        // doubled stands for itself.
        std::size_t j = i + 1;
        std::string contents;
        bool closed = false;
        while (j < text_.size()) {
          if (text_[j] == c) {
            if (j + 1 < text_.size() && text_[j + 1] == c) {
              contents += c;
              j += 2;
              continue;
            }
            closed = true;
            ++j;
            break;
          }
          contents += text_[j++];
        }
        if (!closed) {
          diags_.error(at(i), std::string("unterminated string: a closing ") + c + " is missing");
          return false;
        }
        t.kind = Token::Kind::string;
        t.quote = c;
        t.text = contents;
        i = j;
      } else if (c == '(' || c == ')') {
        t.kind = c == '(' ? Token::Kind::lparen : Token::Kind::rparen;
        t.text = std::string(1, c);
        ++i;
      } else if (c == '=' || c == '<' || c == '>' || c == '!') {
        std::size_t len = 1;
        if (i + 1 < text_.size()) {
          char n = text_[i + 1];
          if ((c == '<' && (n == '=' || n == '>')) || (c == '>' && n == '=') || (c == '!' && n == '=')) len = 2;
        }
        t.kind = Token::Kind::op;
        t.text = std::string(text_.substr(i, len));
        i += len;
      } else {
        // Any other character, whole (a UTF-8 sequence is one character).
        std::size_t j = i + 1;
        if (static_cast<unsigned char>(c) >= 0xC0)
          while (j < text_.size() && (static_cast<unsigned char>(text_[j]) & 0xC0) == 0x80) ++j;
        t.kind = Token::Kind::other;
        t.text = std::string(text_.substr(i, j - i));
        i = j;
      }
      tokens_.push_back(std::move(t));
    }
    Token end;
    end.kind = Token::Kind::end;
    end.offset = text_.size();
    tokens_.push_back(end);
    return true;
  }

  // Every level of recursion (a parenthesis, a NOT) passes here.
  std::optional<SqlCondition> parse_or() {
    NestingGuard level(depth_);
    if (!level.entered()) return fail(peek(), "the WHERE condition nests " + depth_.deeper_than_text());
    return parse_chain("OR", SqlCondition::Kind::any_of);
  }
  std::optional<SqlCondition> parse_and() { return parse_chain("AND", SqlCondition::Kind::all_of); }

  std::optional<SqlCondition> parse_chain(std::string_view kw, SqlCondition::Kind kind) {
    const bool is_or = kind == SqlCondition::Kind::any_of;
    auto first = is_or ? parse_and() : parse_not();
    if (!first) return std::nullopt;
    if (!keyword_is(peek(), kw)) return first;
    SqlCondition chain;
    chain.kind = kind;
    chain.loc = first->loc;
    chain.children.push_back(std::move(*first));
    while (keyword_is(peek(), kw)) {
      ++pos_;
      auto next = is_or ? parse_and() : parse_not();
      if (!next) return std::nullopt;
      chain.children.push_back(std::move(*next));
    }
    return chain;
  }

  std::optional<SqlCondition> parse_not() {
    if (keyword_is(peek(), "NOT")) {
      NestingGuard level(depth_);
      if (!level.entered()) return fail(peek(), "the WHERE condition nests " + depth_.deeper_than_text());
      SqlCondition c;
      c.kind = SqlCondition::Kind::negate;
      c.loc = at(peek().offset);
      ++pos_;
      auto inner = parse_not();
      if (!inner) return std::nullopt;
      c.children.push_back(std::move(*inner));
      return c;
    }
    return parse_primary();
  }

  std::optional<SqlCondition> parse_primary() {
    if (peek().kind == Token::Kind::lparen) {
      const Token& open = peek();
      ++pos_;
      auto inner = parse_or();
      if (!inner) return std::nullopt;
      if (peek().kind != Token::Kind::rparen) {
        diags_.error(at(peek().offset), "expected ) to close the ( at column " +
                                            std::to_string(at(open.offset).column) + ", found " + describe(peek()));
        return std::nullopt;
      }
      ++pos_;
      return inner;
    }
    SqlCondition c;
    c.kind = SqlCondition::Kind::compare;
    c.loc = at(peek().offset);
    auto lhs = parse_operand();
    if (!lhs) return std::nullopt;
    c.lhs = std::move(*lhs);
    const Token& op = peek();
    if (op.kind != Token::Kind::op) {
      return fail(op, "expected a comparison (= <> != < <= > >=) after " + describe(tokens_[pos_ - 1]) + ", found " +
                          describe(op));
    }
    if (op.text == "=") c.op = SqlCompare::eq;
    else if (op.text == "<>" || op.text == "!=") c.op = SqlCompare::ne;
    else if (op.text == "<") c.op = SqlCompare::lt;
    else if (op.text == "<=") c.op = SqlCompare::le;
    else if (op.text == ">") c.op = SqlCompare::gt;
    else if (op.text == ">=") c.op = SqlCompare::ge;
    else return fail(op, "unknown comparison \"" + op.text + "\"; use = <> != < <= > >=");
    ++pos_;
    auto rhs = parse_operand();
    if (!rhs) return std::nullopt;
    c.rhs = std::move(*rhs);
    return c;
  }

  std::optional<SqlOperand> parse_operand() {
    const Token& t = peek();
    SqlOperand o;
    o.loc = at(t.offset);
    bool negative = false;
    if (t.kind == Token::Kind::other && t.text == "-" && tokens_[pos_ + 1].kind == Token::Kind::number) {
      negative = true;
      ++pos_;
    }
    const Token& v = peek();
    if (v.kind == Token::Kind::number) {
      o.kind = SqlOperand::Kind::number;
      o.number = negative ? -v.number : v.number;
      o.text = (negative ? "-" : "") + v.text;
    } else if (v.kind == Token::Kind::string) {
      o.kind = SqlOperand::Kind::string;
      o.text = v.text;
    } else if (keyword_is(v, "NULL") || keyword_is(v, "TRUE") || keyword_is(v, "FALSE") || keyword_is(v, "UNDEFINED")) {
      fail(v, "flowcost compares fields with numbers and 'strings', not with " + v.text +
                  "; give the rule a match fraction instead of sql");
      return std::nullopt;
    } else if (v.kind == Token::Kind::word && !keyword_is(v, "AND") && !keyword_is(v, "OR") && !keyword_is(v, "NOT")) {
      o.kind = SqlOperand::Kind::field;
      o.text = v.text;
    } else {
      fail(v, "expected a field name, a number or a 'string', found " + describe(v));
      return std::nullopt;
    }
    ++pos_;
    return o;
  }

  std::string_view text_;
  const std::function<SourceLocation(std::size_t)>& at_;
  Diagnostics& diags_;
  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
  NestingDepth depth_;
};

}  // namespace

std::optional<IotSql> parse_iot_sql(std::string_view text, const SourceLocation& start, Diagnostics& diags) {
  const std::function<SourceLocation(std::size_t)> at = [&](std::size_t offset) {
    SourceLocation l = start;
    if (l.known()) l.column += static_cast<int>(offset);
    return l;
  };
  return Parser(text, at, diags).parse();
}

std::optional<IotSql> parse_iot_sql(std::string_view text, const std::function<SourceLocation(std::size_t)>& at,
                                    Diagnostics& diags) {
  return Parser(text, at, diags).parse();
}

void collect_sql_fields(const SqlCondition& cond, std::vector<const SqlOperand*>& out) {
  if (cond.kind == SqlCondition::Kind::compare) {
    if (cond.lhs.kind == SqlOperand::Kind::field) out.push_back(&cond.lhs);
    if (cond.rhs.kind == SqlOperand::Kind::field) out.push_back(&cond.rhs);
    return;
  }
  for (const auto& c : cond.children) collect_sql_fields(c, out);
}

}  // namespace flowcost::model
