#include <catch2/catch.hpp>

#include <map>

#include "model/expression.h"

using namespace flowcost::model;

namespace {
const SourceLocation kLoc{"s.yaml", 7, 21};

double eval(const std::string& text, const std::map<std::string, double>& values = {}) {
  Diagnostics d;
  Expression e = Expression::parse(text, kLoc, d);
  REQUIRE(d.empty());
  REQUIRE(e.valid());
  return e.evaluate([&](std::string_view name) { return values.at(std::string(name)); });
}

std::string error_of(const std::string& text) {
  Diagnostics d;
  Expression e = Expression::parse(text, kLoc, d);
  CHECK_FALSE(e.valid());
  REQUIRE(d.items().size() == 1);
  return diagnostic_headline(d.items()[0]);
}
}  // namespace

TEST_CASE("expressions follow the usual precedence") {
  CHECK(eval("1 + 2 * 3") == 7.0);
  CHECK(eval("(1 + 2) * 3") == 9.0);
  CHECK(eval("10 - 4 - 3") == 3.0);
  CHECK(eval("12 / 4 / 3") == 1.0);
  CHECK(eval("2 ^ 3 ^ 2") == 512.0);
  CHECK(eval("-2 ^ 2") == -4.0);
  CHECK(eval("--3") == 3.0);
  CHECK(eval("min(3, 4) + max(3, 4) + ceil(1.2) + floor(1.8) + round(2.5)") == 3 + 4 + 2 + 1 + 3);
}

TEST_CASE("expressions take names and units") {
  std::map<std::string, double> v{{"devices", 10000}, {"messages_per_device_per_day", 325}};
  CHECK(eval("devices * messages_per_device_per_day * 30", v) == 97'500'000.0);
  CHECK(eval("2s + 35ms") == 2035.0);
  CHECK(eval("5KB / 1KB") == 5.0);
  CHECK(eval("$0.25 * 4") == 1.0);

  Diagnostics d;
  Expression e = Expression::parse("a * b + a", kLoc, d);
  CHECK(e.names() == std::vector<std::string>{"a", "b"});
  CHECK(e.text() == "a * b + a");
}

TEST_CASE("syntax errors are reported at their column") {
  CHECK(error_of("devices *") == "s.yaml:7:30: error: expected a number, a name or \"(\" at the end of the expression");
  CHECK(error_of("(1 + 2") == "s.yaml:7:27: error: missing \")\"");
  CHECK(error_of("1 + 2)") == "s.yaml:7:26: error: unexpected \")\"; expected an operator");
  CHECK(error_of("sqrtt(4)") == "s.yaml:7:21: error: unknown function \"sqrtt\"");
  CHECK(error_of("mni(1, 2)") == "s.yaml:7:21: error: unknown function \"mni\"; did you mean \"min\"?");
  CHECK(error_of("ceil(1, 2)") == "s.yaml:7:27: error: ceil() takes 1 argument");
  CHECK(error_of("min(1)") == "s.yaml:7:26: error: min() takes 2 arguments");
  CHECK(error_of("3 * 5kb") ==
        "s.yaml:7:26: error: unknown unit \"kb\"; use ms, s, min, h, d (durations), B, KB, MB, GB (sizes) or $ (money)");
  CHECK(error_of("a # b") == "s.yaml:7:23: error: unexpected \"#\"; expected an operator");
  // A character of several UTF-8 bytes is quoted whole (full-width digits, an accented letter).
  CHECK(error_of("\xEF\xBC\x93\xEF\xBC\x90ms") ==
        "s.yaml:7:21: error: unexpected \"\xEF\xBC\x93\"; expected a number, a name or \"(\"");
  CHECK(error_of("2 \xC3\xA9") == "s.yaml:7:23: error: unexpected \"\xC3\xA9\"; expected an operator");
}

TEST_CASE("an expression that is one name, blanks aside, is a bare name") {
  auto bare = [](const std::string& text) -> std::string {
    Diagnostics d;
    Expression e = Expression::parse(text, kLoc, d);
    REQUIRE(d.empty());
    auto name = e.bare_name();
    return name ? std::string(*name) : std::string("-");
  };
  CHECK(bare("payload_bytes") == "payload_bytes");
  CHECK(bare("  payload_bytes \t") == "payload_bytes");
  CHECK(bare("payload_bytes * 2") == "-");
  CHECK(bare("(payload_bytes)") == "-");
  CHECK(bare("a + b") == "-");
  CHECK(bare("42") == "-");
}
