// The IoT rule SQL subset: structure of parsed conditions and whole error messages at their column.
#include <catch2/catch.hpp>

#include "model/diagnostics.h"
#include "model/scenario/iot_sql.h"

using namespace flowcost::model;

namespace {
SourceLocation at_start() { return SourceLocation{"s.yaml", 3, 10}; }
std::string only_error(const std::string& sql) {
  Diagnostics d;
  auto r = parse_iot_sql(sql, at_start(), d);
  CHECK_FALSE(r);
  REQUIRE(d.items().size() == 1);
  return diagnostic_headline(d.items()[0]);
}
}  // namespace

TEST_CASE("iot sql: topic filter, no WHERE") {
  Diagnostics d;
  auto r = parse_iot_sql("SELECT *, topic(2) AS device FROM 'dt/+/telemetry'", at_start(), d);
  REQUIRE(r);
  CHECK(d.empty());
  CHECK(r->topic_filter == "dt/+/telemetry");
  CHECK_FALSE(r->where);
}

TEST_CASE("iot sql: precedence NOT > AND > OR, parentheses, strings and numbers") {
  Diagnostics d;
  auto r = parse_iot_sql("select * from 'a/b' where NOT x = 1 and y <> 'it''s' or (z >= -2.5e1 OR w != 3)",
                         at_start(), d);
  REQUIRE(r);
  REQUIRE(r->where);
  const SqlCondition& top = *r->where;
  REQUIRE(top.kind == SqlCondition::Kind::any_of);
  REQUIRE(top.children.size() == 2);
  const SqlCondition& conj = top.children[0];
  REQUIRE(conj.kind == SqlCondition::Kind::all_of);
  REQUIRE(conj.children.size() == 2);
  CHECK(conj.children[0].kind == SqlCondition::Kind::negate);
  const SqlCondition& x = conj.children[0].children.at(0);
  CHECK(x.lhs.kind == SqlOperand::Kind::field);
  CHECK(x.lhs.text == "x");
  CHECK(x.op == SqlCompare::eq);
  CHECK(x.rhs.number == 1.0);
  const SqlCondition& y = conj.children[1];
  CHECK(y.op == SqlCompare::ne);
  CHECK(y.rhs.kind == SqlOperand::Kind::string);
  CHECK(y.rhs.text == "it's");
  const SqlCondition& paren = top.children[1];
  REQUIRE(paren.kind == SqlCondition::Kind::any_of);
  CHECK(paren.children[0].op == SqlCompare::ge);
  CHECK(paren.children[0].rhs.number == -25.0);
  CHECK(paren.children[1].op == SqlCompare::ne);
  CHECK(paren.children[1].lhs.loc.column == 10 + 72);
  std::vector<const SqlOperand*> fields;
  collect_sql_fields(top, fields);
  REQUIRE(fields.size() == 4);
  CHECK(fields[3]->text == "w");
}

TEST_CASE("iot sql: syntax errors are reported at their column") {
  CHECK(only_error("SELEC * FROM 'a'") == "s.yaml:3:10: error: the rule SQL must start with SELECT");
  CHECK(only_error("SELECT FROM 'a'") == "s.yaml:3:17: error: expected what to SELECT (for example *)");
  CHECK(only_error("SELECT * 'a'") ==
        "s.yaml:3:22: error: expected FROM 'topic/filter' after the SELECT list");
  CHECK(only_error("SELECT * FROM dt") == "s.yaml:3:24: error: expected a quoted topic filter after FROM");
  CHECK(only_error("SELECT * FROM 'a' WHERE x > 1 AND") ==
        "s.yaml:3:43: error: expected a field name, a number or a 'string', found the end of the statement");
  CHECK(only_error("SELECT * FROM 'a' WHERE x 1") ==
        "s.yaml:3:36: error: expected a comparison (= <> != < <= > >=) after \"x\", found \"1\"");
  CHECK(only_error("SELECT * FROM 'a' WHERE (x = 1") ==
        "s.yaml:3:40: error: expected ) to close the ( at column 34, found the end of the statement");
  CHECK(only_error("SELECT * FROM 'a' WHERE x = 'open") ==
        "s.yaml:3:38: error: unterminated string: a closing ' is missing");
  CHECK(only_error("SELECT * FROM 'a' WHERE x = 1 y = 2") ==
        "s.yaml:3:40: error: expected AND, OR or the end of the statement, found \"y\"");
  CHECK(only_error("SELECT * FROM 'a' LIMIT 3") ==
        "s.yaml:3:28: error: expected WHERE or the end of the statement, found \"LIMIT\"");
  CHECK(only_error("SELECT * FROM 'a' WHERE x = 12ab") == "s.yaml:3:38: error: malformed number \"12a\"");
}
