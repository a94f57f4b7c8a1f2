#include <catch2/catch.hpp>

#include "model/document.h"
#include "model/errors.h"
#include "model/line_index.h"
#include "model/suggest.h"

using namespace flowcost::model;

namespace {
std::optional<Node> parse(const std::string& text, Diagnostics& d, ParseLimits limits = {}) {
  return parse_document(make_source_file("t.yaml", text), d, limits);
}
std::string first(const Diagnostics& d) { return d.items().empty() ? "" : diagnostic_headline(d.items()[0]); }
}  // namespace

TEST_CASE("document keeps 1-based positions and scalar kinds") {
  Diagnostics d;
  auto n = parse("{\n  \"a\": 1,\n  \"b\": \"1\",\n  \"c\": true, \"d\": null\n}\n", d);
  REQUIRE(n);
  REQUIRE(d.empty());
  REQUIRE(n->is_mapping());
  const Member* a = n->find_member("a");
  REQUIRE(a);
  CHECK(a->key_loc.line == 2);
  CHECK(a->key_loc.column == 3);
  CHECK(a->value.number() == 1.0);
  CHECK(a->value.type_name() == "number");
  CHECK(n->find("b")->is_string());
  CHECK_FALSE(n->find("b")->number());
  CHECK(n->find("c")->boolean() == true);
  CHECK(n->find("d")->is_null());
}

TEST_CASE("duplicate keys are errors at the second key") {
  Diagnostics d;
  auto n = parse("a: 1\nb: 2\na: 3\n", d);
  REQUIRE(n);
  CHECK(first(d) == "t.yaml:3:1: error: duplicate key \"a\" (first defined at line 1)");
  CHECK(n->find("a")->number() == 1.0);
}

TEST_CASE("duplicate keys in a large mapping: found through the key index, short and long keys alike") {
  // 100 members, so that the index is built and rebuilt as the members grow; then each of a short key
  // (kept inside its std::string) and a long one is repeated, in block and in flow style.
  std::string block, flow = "{";
  for (int i = 0; i < 100; ++i) {
    const std::string key = i % 2 ? "k" + std::to_string(i) : "a_rather_long_key_name_number_" + std::to_string(i);
    block += key + ": " + std::to_string(i) + "\n";
    flow += (i ? ", " : "") + key + ": " + std::to_string(i);
  }
  Diagnostics d1;
  auto n1 = parse(block + "k3: again\na_rather_long_key_name_number_40: again\n", d1);
  REQUIRE(n1);
  REQUIRE(d1.items().size() == 2);
  CHECK(diagnostic_headline(d1.items()[0]) == "t.yaml:101:1: error: duplicate key \"k3\" (first defined at line 4)");
  CHECK(diagnostic_headline(d1.items()[1]) ==
        "t.yaml:102:1: error: duplicate key \"a_rather_long_key_name_number_40\" (first defined at line 41)");
  CHECK(n1->members.size() == 100);
  CHECK(n1->find("k3")->number() == 3.0);
  CHECK(n1->find("a_rather_long_key_name_number_98")->number() == 98.0);

  Diagnostics d2;
  auto n2 = parse(flow + ", k99: again}\n", d2);
  REQUIRE(n2);
  CHECK(first(d2).find("duplicate key \"k99\" (first defined at line 1)") != std::string::npos);
  CHECK(n2->members.size() == 100);

  Diagnostics d3;  // no duplicate: no error
  auto n3 = parse(block, d3);
  REQUIRE(n3);
  CHECK(d3.items().empty());
  CHECK(n3->members.size() == 100);
}

TEST_CASE("syntax errors, empty files and deep nesting are reported with positions") {
  Diagnostics d1;
  CHECK_FALSE(parse("", d1));
  CHECK(first(d1) == "t.yaml:1:1: error: file is empty");

  Diagnostics d2;
  CHECK_FALSE(parse("{\"a\": [1, 2}\n", d2));
  CHECK(d2.has_errors());
  CHECK(d2.items()[0].where.line == 1);

  Diagnostics d3;
  std::string deep(500, '[');
  CHECK_FALSE(parse(deep, d3, ParseLimits{100, 1000}));
  CHECK(first(d3).find("nesting is deeper than 100 levels") != std::string::npos);
}

TEST_CASE("alias bombs are stopped by the node budget") {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  std::string prev = "a";
  for (int i = 0; i < 8; ++i) {
    std::string name(1, static_cast<char>('b' + i));
    bomb += name + ": &" + name + " [";
    for (int k = 0; k < 10; ++k) bomb += (k ? ", *" : "*") + prev;
    bomb += "]\n";
    prev = name;
  }
  Diagnostics d;
  CHECK_FALSE(parse(bomb, d, ParseLimits{100, 100000}));
  CHECK(first(d).find("through aliases") != std::string::npos);
}

TEST_CASE("binary and malformed UTF-8 input is rejected at its position") {
  CHECK_THROWS_WITH(make_source_file("b.json", std::string("{\n \"a\": \"\xff\"}")),
                    "b.json:2:8: error: malformed UTF-8");
  CHECK_THROWS_WITH(make_source_file("b.json", std::string("ab\0c", 4)),
                    "b.json:1:3: error: file is binary, not text (NUL byte)");
}

TEST_CASE("unknown keys get a did-you-mean") {
  Diagnostics d;
  auto n = parse("Nxt: A\nEnd: true\n", d);
  REQUIRE(n);
  check_known_keys(*n, {"Next", "End", "Type"}, d);
  CHECK(first(d) == "t.yaml:1:1: error: unknown field \"Nxt\"; did you mean \"Next\"?");
}

TEST_CASE("sha256 of a known string") {
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("YAML syntax errors say what the parser found, where, and what it was reading") {
  const auto error_of = [](const std::string& text) {
    Diagnostics d;
    CHECK_FALSE(parse(text, d));
    return first(d);
  };
  CHECK(error_of("a: [1, 2\nb: 3\n") ==
        "t.yaml:2:2: error: syntax error: did not find expected ',' or ']' (while parsing a flow sequence that "
        "starts at line 1, column 4)");
  CHECK(error_of("a: \"unterminated\nb: 2\n") ==
        "t.yaml:3:1: error: syntax error: found unexpected end of stream (while scanning a quoted scalar that "
        "starts at line 1, column 4)");
  CHECK(error_of("a:\n\tb: 1\n") ==
        "t.yaml:2:1: error: syntax error: found character that cannot start any token (while scanning for the "
        "next token)");
  CHECK(error_of("a: b: c\n") == "t.yaml:1:5: error: syntax error: mapping values are not allowed in this context");
  CHECK(error_of("- a\nb: 1\n") ==
        "t.yaml:2:1: error: syntax error: did not find expected '-' indicator (while parsing a block collection "
        "that starts at line 1, column 1)");
  // A reader error (a control character) gives a byte offset, turned into a line and column of characters.
  CHECK(error_of("a: \xc3\xa9\nb: x\x01y\n") ==
        "t.yaml:2:5: error: syntax error: control characters are not allowed");
  CHECK(error_of("a: *nope\n") == "t.yaml:1:4: error: unknown alias *nope");
}

TEST_CASE("JSON without blanks, tags, block scalars, anchors and merge keys") {
  Diagnostics d;
  auto j = parse("{\"a\":1,\"b\":[\"x\",2],\"c\":{\"d\":null}}", d);
  REQUIRE(j);
  CHECK(d.empty());
  CHECK(j->find("a")->integer() == 1);
  CHECK(j->find("b")->items.at(0).is_string());
  CHECK(j->find("b")->items.at(1).loc.column == 17);
  CHECK(j->find("c")->find("d")->is_null());

  auto y = parse("s: !Sub \"arn:${X}\"\nn: !!str 12\nq: '12'\nl: |\n  one\n  two\nbase: &b {p: 1, q: 2}\n"
                 "m:\n  <<: *b\n  q: 3\n",
                 d);
  REQUIRE(y);
  CHECK(d.empty());
  CHECK(y->find("s")->tag == "!Sub");
  CHECK(y->find("s")->text == "arn:${X}");
  CHECK(y->find("n")->number() == 12.0);  // a standard tag is not a quote: the core schema reads the text
  CHECK(y->find("q")->is_string());
  CHECK_FALSE(y->find("q")->number());
  CHECK(y->find("l")->text == "one\ntwo\n");
  CHECK(y->find("l")->is_string());
  const Node* m = y->find("m");
  REQUIRE(m);
  REQUIRE(m->members.size() == 2);
  CHECK(m->members[0].key == "p");
  CHECK(m->members[0].key_loc.line == 7);
  CHECK(m->find("q")->integer() == 3);
}

TEST_CASE("a JSON surrogate pair of escapes is one character; positions after it are the file's") {
  Diagnostics d;
  // U+1F680 as JSON writes it, an escaped backslash before "ud83d" (text, not an escape), and a lone
  // surrogate, which strict JSON refuses.
  auto n = parse_document(make_source_file("t.json", "{\"a\": \"\\ud83d\\ude80!\", \"b\": \"\\\\ud83d\", \"c\": 1, \"c\": 2}"), d, {});
  REQUIRE(n);
  CHECK(n->find("a")->text == "\xF0\x9F\x9A\x80!");
  CHECK(n->find("b")->text == "\\ud83d");
  CHECK(first(d) == "t.json:1:48: error: duplicate key \"c\" (first defined at line 1)");
  Diagnostics lone;
  CHECK_FALSE(parse_document(make_source_file("t.json", "{\"a\": \"\\ud83d x\"}"), lone, {}));
  CHECK(first(lone).rfind("t.json:1:", 0) == 0);
}

TEST_CASE("a diagnostic on a long line (minified JSON) shows the line around its column") {
  const std::string line = std::string(300, 'a') + "BAD" + std::string(300, 'b');
  const std::string text = render_diagnostic_at_line({Severity::error, {"t.json", 1, 301}, "here"}, line);
  CHECK(text == "t.json:1:301: error: here\n..." + std::string(60, 'a') + "BAD" + std::string(57, 'b') + "...\n" +
                    std::string(63, ' ') + "^\n");
  // A short line is shown whole, the caret under its column.
  CHECK(render_diagnostic_at_line({Severity::error, {"t.json", 1, 3}, "here"}, "abcdef") ==
        "t.json:1:3: error: here\nabcdef\n  ^\n");
}
