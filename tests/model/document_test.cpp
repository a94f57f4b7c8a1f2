#include <catch2/catch.hpp>

#include "model/document.h"
#include "model/errors.h"
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
