// Input that would crash or exhaust the machine ends in one positioned error: nesting limits of the
// expression and rule SQL parsers, the file-size cap on non-regular files, the alias guard on expanded
// text, strict JSON for .json files, and the line index behind diagnostics.
#include <catch2/catch.hpp>

#include <string>

#include "model/document.h"
#include "model/errors.h"
#include "model/expression.h"
#include "model/line_index.h"
#include "model/scenario/iot_sql.h"
#include "model/source_file.h"

using namespace flowcost::model;

namespace {

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

std::string only_error(const Diagnostics& d) {
  REQUIRE(d.items().size() == 1);
  return diagnostic_headline(d.items()[0]);
}

std::string expression_error(const std::string& text) {
  Diagnostics d;
  Expression e = Expression::parse(text, SourceLocation{"s.yaml", 7, 21}, d);
  CHECK_FALSE(e.valid());
  return only_error(d);
}

std::string sql_error(const std::string& where) {
  Diagnostics d;
  CHECK_FALSE(parse_iot_sql("SELECT * FROM 't' WHERE " + where, SourceLocation{"s.yaml", 3, 10}, d));
  return only_error(d);
}

std::string read_error(const std::string& path, std::size_t max_bytes = kMaxInputFileBytes) {
  try {
    read_source_file(path, max_bytes);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

std::string document_error(const std::string& path, const std::string& text) {
  Diagnostics d;
  CHECK_FALSE(parse_document(make_source_file(path, text), d));
  return only_error(d);
}

}  // namespace

TEST_CASE("expressions: 30,000 nested parentheses, signs or operators end in an error, not a crash") {
  CHECK(expression_error(repeat("(", 30000) + "1" + repeat(")", 30000)) ==
        "s.yaml:7:121: error: the expression nests deeper than 100 levels");
  CHECK(expression_error(repeat("-", 30000) + "1") == "s.yaml:7:121: error: the expression nests deeper than 100 levels");
  CHECK(expression_error("min(" + repeat("max(1, ", 30000) + "1") ==
        "s.yaml:7:715: error: the expression nests deeper than 100 levels");
  // A chain of 100 additions is a tree 101 levels high: evaluation would recurse through it.
  CHECK(expression_error("1" + repeat("+1", 100)) == "s.yaml:7:220: error: the expression nests deeper than 100 levels");
  CHECK(expression_error("1" + repeat("+1", 30000)) == "s.yaml:7:220: error: the expression nests deeper than 100 levels");
}

TEST_CASE("expressions: nesting up to the limit still evaluates") {
  Diagnostics d;
  Expression parens = Expression::parse(repeat("(", 99) + "2" + repeat(")", 99), SourceLocation{"s.yaml", 1, 1}, d);
  Expression chain = Expression::parse("1" + repeat("+1", 99), SourceLocation{"s.yaml", 1, 1}, d);
  REQUIRE(d.empty());
  auto none = [](std::string_view) { return 0.0; };
  CHECK(parens.evaluate(none) == 2.0);
  CHECK(chain.evaluate(none) == 100.0);
}

TEST_CASE("iot sql: 30,000 nested parentheses or NOTs end in an error, not a crash") {
  CHECK(sql_error(repeat("(", 30000) + "a = 1" + repeat(")", 30000)) ==
        "s.yaml:3:134: error: the WHERE condition nests deeper than 100 levels");
  CHECK(sql_error(repeat("NOT ", 30000) + "a = 1") ==
        "s.yaml:3:430: error: the WHERE condition nests deeper than 100 levels");
  Diagnostics d;
  CHECK(parse_iot_sql("SELECT * FROM 't' WHERE " + repeat("NOT ", 98) + "a = 1", SourceLocation{"s.yaml", 3, 10}, d));
  CHECK(d.empty());
}

TEST_CASE("reading stops at the size cap on devices, whatever their size") {
  CHECK(read_error("/dev/zero") == "/dev/zero: error: file is too large (more than 16 MB read; the limit is 16 MB)");
  CHECK(read_error("/dev/zero", 1000) == "/dev/zero: error: file is too large (more than 1000 B read; the limit is 1000 B)");
  CHECK(read_source_file("/dev/null").text.empty());
}

TEST_CASE("YAML aliases: expanded text is bounded, not only nodes") {
  // 1 MB of text behind an anchor, then 40 aliases of it (the file itself is 1 MB): the 31st alias
  // would make 32 MB and 2 bytes (the keys) of expanded text.
  std::string text = "a: &a \"" + std::string(1024 * 1024, 'x') + "\"\nb: [" + repeat("*a, ", 39) + "*a]\n";
  CHECK(document_error("t.yaml", text) == "t.yaml:2:125: error: document expands to more than 32 MB of text through aliases");
  // The same shape within the limit loads.
  Diagnostics d;
  auto small = parse_document(make_source_file("t.yaml", "a: &a \"xyz\"\nb: [" + repeat("*a, ", 39) + "*a]\n"), d);
  REQUIRE(small);
  CHECK(small->find("b")->items.size() == 40);
  CHECK(small->find("b")->items[39].text == "xyz");
}

TEST_CASE("a .json file is strict RFC 8259 JSON") {
  CHECK(document_error("t.json", "{\"a\": 1,}") ==
        "t.json:1:9: error: invalid JSON: syntax error while parsing object key - unexpected '}'; expected string literal");
  CHECK(document_error("t.json", "{\n  a: 1\n}") ==
        "t.json:2:3: error: invalid JSON: syntax error while parsing object key - invalid literal; expected string literal");
  CHECK(document_error("t.json", "[1, 2,]") ==
        "t.json:1:7: error: invalid JSON: syntax error while parsing value - unexpected ']'; expected '[', '{', or a literal");
  CHECK(document_error("t.json", "{\"a\": 'b'}") ==
        "t.json:1:7: error: invalid JSON: syntax error while parsing value - invalid literal");
  CHECK(document_error("T.JSON", "{\"a\": 1} // note") ==
        "T.JSON:1:10: error: invalid JSON: syntax error while parsing value - invalid literal; expected end of input");
  // The same relaxations are YAML, and fine in a .yaml file.
  Diagnostics d;
  CHECK(parse_document(make_source_file("t.yaml", "{\"a\": 1,}"), d));
  CHECK(parse_document(make_source_file("t.yaml", "{a: 1}"), d));
  CHECK(d.empty());
}

TEST_CASE("the line index gives positions and source lines") {
  const std::string text = "ab\r\nc\xC3\xA9z\n\nlast";
  LineIndex index(text);
  CHECK(index.line_count() == 4);
  CHECK(index.line(1) == "ab");
  CHECK(index.line(2) == "c\xC3\xA9z");
  CHECK(index.line(3) == "");
  CHECK(index.line(4) == "last");
  CHECK(index.line(5) == "");
  CHECK(index.line(0) == "");
  auto at = [&](std::size_t offset) {
    auto l = index.location_of("f", offset);
    return std::to_string(l.line) + ":" + std::to_string(l.column);
  };
  CHECK(at(0) == "1:1");
  CHECK(at(1) == "1:2");
  CHECK(at(4) == "2:1");
  CHECK(at(7) == "2:3");  // after the two bytes of é: the third character
  CHECK(at(9) == "3:1");
  CHECK(at(10) == "4:1");
  CHECK(at(1000) == "4:5");
}
