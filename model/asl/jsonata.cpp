#include "model/asl/jsonata.h"

#include <cctype>
#include <vector>

#include "model/asl/jsonata_lexer.h"
#include "model/nesting_limit.h"

namespace flowcost::model::asl {

namespace {

// A Pratt parser over JsonataLexer tokens that accepts exactly the JSONata 2.0 grammar (as jsonata.js
// parses it) and builds nothing: the expression text is kept for the simulator.
class Parser {
 public:
  explicit Parser(std::string_view text) : lexer_(text) {}

  std::optional<std::string> run() {
    advance(true);
    expression(0);
    if (!error_ && token_.kind != JsonataToken::Kind::end) fail_unexpected();
    if (lexer_.error()) return *lexer_.error() + " in JSONata expression";
    return error_;
  }

 private:
  using Kind = JsonataToken::Kind;

  static int lbp(const JsonataToken& t) {
    if (t.kind != Kind::op) return 0;
    const std::string& o = t.text;
    if (o == "[" || o == "(" || o == "@" || o == "#") return 80;
    if (o == ".") return 75;
    if (o == "{") return 70;
    if (o == "*" || o == "/" || o == "%" || o == "**") return 60;
    if (o == "+" || o == "-" || o == "&") return 50;
    if (o == "=" || o == "!=" || o == "<" || o == "<=" || o == ">" || o == ">=" || o == "^" || o == "~>" ||
        o == "in" || o == "?:" || o == "??")
      return 40;
    if (o == "and") return 30;
    if (o == "or") return 25;
    if (o == "?") return 20;
    if (o == ":=") return 10;
    return 0;
  }

  bool is(const char* op) const { return token_.kind == Kind::op && token_.text == op; }

  // Moves to the next token; `operand_next` when the next token starts an operand (regex allowed).
  void advance(bool operand_next) {
    token_ = lexer_.next(operand_next);
    if (lexer_.error() && !error_) error_ = *lexer_.error() + " in JSONata expression";
  }

  void fail(const std::string& message) {
    if (!error_) error_ = "invalid JSONata: " + message;
    token_ = JsonataToken{};
  }

  void fail_unexpected() {
    if (token_.kind == Kind::end) fail("unexpected end of expression");
    else fail("unexpected \"" + describe(token_) + "\" at character " + std::to_string(token_.pos + 1));
  }

  static std::string describe(const JsonataToken& t) {
    switch (t.kind) {
      case Kind::string: return "'" + t.text + "'";
      case Kind::variable: return "$" + t.text;
      default: return t.text;
    }
  }

  void expect(const char* op, bool operand_next = false) {
    if (error_) return;
    if (!is(op)) {
      if (token_.kind == Kind::end) fail(std::string("expected \"") + op + "\" before the end of the expression");
      else fail(std::string("expected \"") + op + "\", found \"" + describe(token_) + "\" at character " +
                std::to_string(token_.pos + 1));
      return;
    }
    advance(operand_next);
  }

  void expression(int rbp) {
    if (error_) return;
    NestingGuard level(depth_);
    if (!level.entered()) return fail("the expression nests " + depth_.deeper_than_text());
    parse_expression(rbp);
  }

  void parse_expression(int rbp) {
    JsonataToken t = token_;
    bool prefix_op = t.kind == Kind::op && (t.text == "(" || t.text == "[" || t.text == "{" || t.text == "-" ||
                                            t.text == "|");
    advance(prefix_op);
    nud(t);
    while (!error_ && rbp < lbp(token_)) {
      t = token_;
      advance(true);
      led(t);
    }
  }

  // A comma-separated list up to `close` (already after the opening bracket).
  template <typename Item>
  void list(const char* close, Item item) {
    if (is(close)) {
      advance(false);
      return;
    }
    for (;;) {
      item();
      if (error_) return;
      if (is(",")) {
        advance(true);
        continue;
      }
      expect(close);
      return;
    }
  }

  void nud(const JsonataToken& t) {
    if (error_) return;
    switch (t.kind) {
      case Kind::end:
        token_ = t;
        fail_unexpected();
        return;
      case Kind::string:
      case Kind::number:
      case Kind::value:
      case Kind::regex:
      case Kind::variable:
        return;
      case Kind::name:
        if ((t.text == "function" || t.text == "\xce\xbb") && is("(")) lambda();
        return;
      case Kind::op: break;
    }
    const std::string& o = t.text;
    if (o == "and" || o == "or" || o == "in" || o == "*" || o == "**" || o == "%" || o == "?") return;
    if (o == "-") return expression(70);
    if (o == "(") {  // block: expressions separated by ';'
      while (!error_ && !is(")")) {
        expression(0);
        if (is(";")) advance(true);
        else if (!is(")")) return expect(")");
      }
      return expect(")");
    }
    if (o == "[") {  // array constructor, items may be ranges a..b
      return list("]", [this] {
        expression(0);
        if (is("..")) {
          advance(true);
          expression(0);
        }
      });
    }
    if (o == "{") return object();
    if (o == "|") {  // transform | pattern | update [, delete] |
      expression(0);
      expect("|", true);
      expression(0);
      if (is(",")) {
        advance(true);
        expression(0);
      }
      return expect("|");
    }
    fail("unexpected \"" + o + "\" at character " + std::to_string(t.pos + 1));
  }

  void object() {
    list("}", [this] {
      expression(0);
      expect(":", true);
      expression(0);
    });
  }

  void lambda() {
    advance(false);  // past "("
    while (!error_ && !is(")")) {
      if (token_.kind != Kind::variable) return fail("function parameters must be variables such as $x");
      advance(false);
      if (is(",")) advance(false);
      else if (!is(")")) return expect(")");
    }
    if (error_) return;
    lexer_.skip_signature();  // the lexer stands just after ")"
    if (lexer_.error()) return fail(*lexer_.error());
    advance(false);
    expect("{", true);
    expression(0);
    expect("}");
  }

  void led(const JsonataToken& t) {
    const std::string& o = t.text;
    if (o == "(") return list(")", [this] { expression(0); });
    if (o == "[") {
      if (is("]")) return advance(false);
      expression(0);
      return expect("]");
    }
    if (o == "{") return object();
    // JSONata 2.1.0 added these two (jsonata-js pull request 748, July 2025); Step Functions implements
    // JSONata 2.0.6, whose parser reads neither (docs/validation-rules.md R19).
    if (o == "??" || o == "?:")
      return fail("\"" + o + "\" at character " + std::to_string(t.pos + 1) +
                  " is a JSONata 2.1 operator; Step Functions implements JSONata 2.0.6, which does not have it "
                  "(write \"A ? A : B\" or \"$exists(A) ? A : B\")");
    if (o == "?") {
      expression(0);
      if (is(":")) {
        advance(true);
        expression(0);
      }
      return;
    }
    if (o == "^") {
      expect("(", true);
      return list(")", [this] {
        if (is("<") || is(">")) advance(true);
        expression(0);
      });
    }
    if (o == "@" || o == "#") {
      if (token_.kind != Kind::variable) return fail("\"" + o + "\" must be followed by a variable");
      return advance(false);
    }
    if (o == ":=") return expression(lbp(t) - 1);
    expression(lbp(t));
  }

  // JSONata recurses once per operand on the right of an operator too, hence twice the common limit.
  static constexpr int kMaxDepth = 2 * kMaxExpressionNesting;

  JsonataLexer lexer_;
  JsonataToken token_;
  std::optional<std::string> error_;
  NestingDepth depth_{kMaxDepth};
};

bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80); }

char closer_of(char open) { return open == '(' ? ')' : open == '[' ? ']' : '}'; }

// `$` or `$$` outside every bracket: AWS rejects them (UNSUPPORTED_JSONATA_EXPRESSION).
bool top_level_dollar(std::string_view body) {
  std::vector<char> open;
  for (std::size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c == '"' || c == '\'' || c == '`') {
      std::size_t j = i + 1;
      while (j < body.size() && body[j] != c) j += body[j] == '\\' && c != '`' ? 2 : 1;
      i = j;
      continue;
    }
    if (c == '/' && i + 1 < body.size() && body[i + 1] == '*') {
      std::size_t end = body.find("*/", i + 2);
      i = end == std::string_view::npos ? body.size() : end + 1;
      continue;
    }
    if (c == '(' || c == '[' || c == '{') open.push_back(c);
    else if ((c == ')' || c == ']' || c == '}') && !open.empty() && closer_of(open.back()) == c) open.pop_back();
    else if (c == '$' && open.empty()) {
      bool prev_ident = i > 0 && (ident_char(body[i - 1]) || body[i - 1] == '.');
      bool next_ident = i + 1 < body.size() && ident_char(body[i + 1]);
      if (!prev_ident && !next_ident) return true;
      while (i + 1 < body.size() && ident_char(body[i + 1])) ++i;
    }
  }
  return false;
}

}  // namespace

std::optional<std::string> check_jsonata(std::string_view body) {
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) return "empty JSONata expression";
  if (top_level_dollar(body))
    return "\"$\" and \"$$\" cannot be used at the top level of a JSONata expression; use $states.input";
  return Parser(body).run();
}

}  // namespace flowcost::model::asl
