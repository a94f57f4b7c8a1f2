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
  CHECK(only_error("SELECT * FROM dt") == "s.yaml:3:24: error: expected a topic filter in single quotes after FROM");
  CHECK(only_error("SELECT * FROM \"dt\"") == "s.yaml:3:24: error: expected a topic filter in single quotes after FROM");
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
  // AWS IoT SQL has decimal numbers only, no comments, and balanced parentheses in the SELECT list.
  CHECK(only_error("SELECT * FROM 'a' WHERE x > 0x20") == "s.yaml:3:38: error: malformed number \"0x\"");
  CHECK(only_error("SELECT * FROM 'a' WHERE x > 1e400") == "s.yaml:3:38: error: the number 1e400 is too large");
  CHECK(only_error("SELECT * FROM 'a' WHERE x > 1.5.2") == "s.yaml:3:38: error: malformed number \"1.5.\"");
  CHECK(only_error("SELECT * /* all */ FROM 'a'") == "s.yaml:3:19: error: AWS IoT SQL has no comments (\"/*\")");
  CHECK(only_error("SELECT * FROM 'a' WHERE x > 1 -- why") == "s.yaml:3:40: error: AWS IoT SQL has no comments (\"--\")");
  CHECK(only_error("SELECT (((a FROM 'a'") ==
        "s.yaml:3:30: error: expected ) to close the ( at column 19, found the end of the statement");
  CHECK(only_error("SELECT a) FROM 'a'") == "s.yaml:3:18: error: this ) closes no (");
  // Topic filter wildcards fill whole levels; # is the last one.
  CHECK(only_error("SELECT * FROM 'a/#/b'") == "s.yaml:3:27: error: '#' must be the last level of a topic filter");
  CHECK(only_error("SELECT * FROM 'a+/b'") ==
        "s.yaml:3:26: error: '+' in a topic filter must be a whole level (between / and /)");
  CHECK(only_error("SELECT * FROM 'a/b#'") ==
        "s.yaml:3:28: error: '#' in a topic filter must be a whole level (between / and /)");
  CHECK(only_error("SELECT * FROM ''") == "s.yaml:3:24: error: the topic filter after FROM is empty");
  // NULL and the booleans are values flowcost does not compare with; a character is reported whole.
  CHECK(only_error("SELECT * FROM 'a' WHERE x <> NULL") ==
        "s.yaml:3:39: error: flowcost compares fields with numbers and 'strings', not with NULL; give the rule a match "
        "fraction instead of sql");
  CHECK(only_error("SELECT * FROM 'a' WHERE temp\xc3\xa9 > 1") ==
        "s.yaml:3:38: error: expected a comparison (= <> != < <= > >=) after \"temp\", found \"\xc3\xa9\"");
}

TEST_CASE("iot sql: what AWS accepts: nested SELECTs, no FROM (Basic Ingest), double quotes, wildcards") {
  Diagnostics d;
  // A nested SELECT in the SELECT list has its own FROM and WHERE (docs.aws.amazon.com/iot/latest/developerguide/iot-sql-nested-queries.html).
  auto nested = parse_iot_sql("SELECT (SELECT v FROM e WHERE n = 'temperature') AS t FROM 'my/topic' WHERE t > 1", at_start(), d);
  REQUIRE(nested);
  CHECK(nested->topic_filter == std::optional<std::string>("my/topic"));
  REQUIRE(nested->where);
  CHECK(nested->where->lhs.text == "t");
  // FROM is optional for a rule only Basic Ingest triggers (the design checks its ingest).
  auto no_from = parse_iot_sql("SELECT *, topic() AS topic WHERE x > 1", at_start(), d);
  REQUIRE(no_from);
  CHECK_FALSE(no_from->topic_filter);
  REQUIRE(no_from->where);
  // A string in double quotes, as AWS's JSON-extensions examples write them; a nested field by path.
  auto quoted = parse_iot_sql("SELECT * FROM 'a/+/b/#' WHERE state.reported.color = \"red\" AND y = \"it\"\"s\"", at_start(), d);
  REQUIRE(quoted);
  REQUIRE(quoted->where);
  CHECK(quoted->where->children.at(0).lhs.text == "state.reported.color");
  CHECK(quoted->where->children.at(0).rhs.kind == SqlOperand::Kind::string);
  CHECK(quoted->where->children.at(0).rhs.text == "red");
  CHECK(quoted->where->children.at(1).rhs.text == "it\"s");
  CHECK(d.empty());
}
