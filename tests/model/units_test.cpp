#include <catch2/catch.hpp>

#include "model/units.h"

using namespace flowcost::model;

namespace {
std::string error_of(std::string_view text, Dimension d) {
  std::string e;
  auto v = parse_quantity(text, d, &e);
  return v ? "ok" : e;
}
}  // namespace

TEST_CASE("durations convert to milliseconds") {
  CHECK(parse_quantity("35ms", Dimension::duration_ms) == 35.0);
  CHECK(parse_quantity("2 s", Dimension::duration_ms) == 2000.0);
  CHECK(parse_quantity("1.5min", Dimension::duration_ms) == 90000.0);
  CHECK(parse_quantity("3h", Dimension::duration_ms) == 10800000.0);
  CHECK(parse_quantity("2d", Dimension::duration_ms) == 172800000.0);
  CHECK(parse_quantity("250", Dimension::duration_ms) == 250.0);
  CHECK(parse_quantity("1e3ms", Dimension::duration_ms) == 1000.0);
}

TEST_CASE("sizes use 1 KB = 1024 B") {
  CHECK(parse_quantity("900B", Dimension::size_bytes) == 900.0);
  CHECK(parse_quantity("5KB", Dimension::size_bytes) == 5120.0);
  CHECK(parse_quantity("1.5MB", Dimension::size_bytes) == 1572864.0);
  CHECK(parse_quantity("1GB", Dimension::size_bytes) == 1073741824.0);
}

TEST_CASE("money, bare numbers and any unit for dimensionless fields") {
  CHECK(parse_quantity("$0.25", Dimension::usd) == 0.25);
  CHECK(parse_quantity("0.25", Dimension::usd) == 0.25);
  CHECK(parse_quantity("-3.5", Dimension::none) == -3.5);
  CHECK(parse_quantity("2KB", Dimension::none) == 2048.0);
  CHECK(parse_quantity("2s", Dimension::none) == 2000.0);
  CHECK(quantity_dimension("2s") == Dimension::duration_ms);
  CHECK(quantity_dimension("$4") == Dimension::usd);
  CHECK(quantity_dimension("12") == Dimension::none);
}

TEST_CASE("bad quantities say why") {
  CHECK(error_of("35mss", Dimension::duration_ms) == "unknown duration unit \"mss\"; use ms, s, min, h or d");
  CHECK(error_of("5kb", Dimension::size_bytes) == "unknown size unit \"kb\"; use B, KB, MB or GB");
  CHECK(error_of("5KB", Dimension::duration_ms) == "expected a duration, got a size (\"5KB\")");
  CHECK(error_of("0.5ms", Dimension::probability) ==
        "unexpected unit \"ms\" on a probability; a plain number is expected here");
  CHECK(error_of("abc", Dimension::size_bytes) == "\"abc\" is not a size");
  CHECK(error_of("", Dimension::duration_ms) == "expected a duration, got an empty value");
  CHECK(error_of("$1x", Dimension::usd) == "unexpected \"x\" after an amount of money");
  CHECK(error_of("1e999", Dimension::none) == "\"1e999\" is too large");
  CHECK(error_of("inf", Dimension::none) == "\"inf\" is not a number");
  CHECK(error_of("3 parsecs", Dimension::none) ==
        "unknown unit \"parsecs\"; use ms, s, min, h, d (durations), B, KB, MB, GB (sizes) or $ (money)");
}

TEST_CASE("dimension names") { CHECK(std::string(dimension_name(Dimension::usd)) == "amount of money"); }
