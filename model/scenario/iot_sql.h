#pragma once
// The small subset of the AWS IoT SQL dialect that decides whether a rule matches a message:
//   SELECT <anything> [FROM '<topic filter>'] [WHERE <condition>]
// <condition>: comparisons (= <> != < <= > >=) between decimal numbers, strings (in single or double
// quotes) and field names, combined with AND, OR, NOT and parentheses (precedence NOT > AND > OR). Keywords
// are case-insensitive. The SELECT list is read to its end (its parentheses must balance; a nested SELECT
// has its own FROM) but not interpreted (it does not change what is billed). A topic filter's wildcards
// must fill whole levels. Without FROM only Basic Ingest triggers the rule. Field names, and FROM against
// the design's ingest, are checked by the design loader (iot_rules_design.h), not here.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.h"
#include "model/source_location.h"

namespace flowcost::model {

enum class SqlCompare { eq, ne, lt, le, gt, ge };

const char* to_string(SqlCompare op);  // "=", "<>", "<", "<=", ">", ">="

struct SqlOperand {
  enum class Kind { number, string, field } kind = Kind::number;
  double number = 0;
  std::string text;  // the string's contents or the field name
  SourceLocation loc;
};

struct SqlCondition {
  enum class Kind { compare, all_of, any_of, negate } kind = Kind::compare;
  SqlCompare op = SqlCompare::eq;      // compare
  SqlOperand lhs, rhs;                 // compare
  std::vector<SqlCondition> children;  // all_of / any_of: two or more; negate: one
  SourceLocation loc;
};

struct IotSql {
  std::string text;
  std::optional<std::string> topic_filter;  // FROM '...'; none: a rule only Basic Ingest triggers
  std::optional<SqlCondition> where;    // no WHERE: every message on the topic matches
  SourceLocation loc;
};

// Parses `text` whose first character is at `start` (a single line). Every syntax error goes to `diags`
// at its column; returns std::nullopt when there was one.
std::optional<IotSql> parse_iot_sql(std::string_view text, const SourceLocation& start, Diagnostics& diags);
// The same with the position of each byte given by `at(offset)` (a scalar traced in its file).
std::optional<IotSql> parse_iot_sql(std::string_view text, const std::function<SourceLocation(std::size_t)>& at,
                                    Diagnostics& diags);

// Every operand of `cond` that is a field, in order of appearance.
void collect_sql_fields(const SqlCondition& cond, std::vector<const SqlOperand*>& out);

}  // namespace flowcost::model
