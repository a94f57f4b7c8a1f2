// The project's one number formatter (model/number_format.h): locale-independent, shortest round-trip
// text, fixed and grouped decimals, and printf-like significant digits.
#include <catch2/catch.hpp>

#include <clocale>
#include <cmath>
#include <limits>

#include "model/number_format.h"

using namespace flowcost::model;

TEST_CASE("numbers are written with '.' and without exponent in the usual range") {
  CHECK(format_shortest(0.025) == "0.025");
  CHECK(format_shortest(0.00002) == "2e-05");
  CHECK(format_decimal(0.0000133334) == "0.0000133334");
  CHECK(format_decimal(0.025) == "0.025");
  CHECK(format_decimal(1e-13) == "1e-13");
  CHECK(format_shortest(6e9) == "6000000000");
  CHECK(format_shortest(0) == "0");
  CHECK(format_shortest(1.5e20) == "1.5e+20");
  CHECK(format_shortest(std::numeric_limits<double>::infinity()) == "inf");
  CHECK(format_shortest(-std::numeric_limits<double>::infinity()) == "-inf");
  CHECK(format_shortest(std::nan("")) == "nan");
  CHECK(format_fixed(18.33337, 2) == "18.33");
  CHECK(format_fixed(-0.001, 2) == "0.00");
  CHECK(format_grouped(1234567.891, 2) == "1,234,567.89");
  CHECK(format_grouped(-1234.5, 0) == "-1,234");
  CHECK(format_grouped(999, 0) == "999");
}

TEST_CASE("significant digits as %g writes them, and no locale changes a number") {
  CHECK(format_significant(0.30000000000000004, 6) == "0.3");
  CHECK(format_significant(1.0000001, 6) == "1");
  CHECK(format_significant(1234567, 6) == "1.23457e+06");
  CHECK(format_significant(0.0000123456, 3) == "1.23e-05");
  CHECK(format_significant(1.05, 3) == "1.05");
  CHECK(format_significant(std::numeric_limits<double>::infinity(), 6) == "inf");
  // A locale with a decimal comma (when the machine has one) changes printf, never these functions.
  const bool german = std::setlocale(LC_NUMERIC, "de_DE.UTF-8") != nullptr;
  CHECK(format_shortest(0.025) == "0.025");
  CHECK(format_significant(1.5, 6) == "1.5");
  CHECK(format_fixed(2.25, 1) == "2.2");
  std::setlocale(LC_NUMERIC, "C");
  INFO("de_DE locale available: " << german);
}
