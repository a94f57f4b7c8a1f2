#include <catch2/catch.hpp>

#include "reports/comparison_sentence.h"
#include "reports/display_format.h"
#include "reports/text_table.h"

#include <sstream>

using namespace flowcost::reports;
namespace engine = flowcost::engine;

TEST_CASE("display_usd rounds by magnitude") {
  CHECK(display_usd(0) == "$0");
  CHECK(display_usd(1234.4) == "$1,234");
  CHECK(display_usd(1234567.5) == "$1,234,568");
  CHECK(display_usd(99.99) == "$99.99");
  CHECK(display_usd(12.345) == "$12.35");
  CHECK(display_usd(0.0000123456) == "$0.0000123");
  CHECK(display_usd(-5) == "-$5.00");
  CHECK(display_usd(-1500) == "-$1,500");
}

TEST_CASE("display_usd_small keeps three significant digits below $1") {
  CHECK(display_usd_small(0.0143) == "$0.0143");
  CHECK(display_usd_small(0.471) == "$0.471");
  CHECK(display_usd_small(0.0000250005) == "$0.0000250");
  CHECK(display_usd_small(12.345) == "$12.35");
  CHECK(display_usd_small(0) == "$0");
}

TEST_CASE("display_usd_cents always shows cents") {
  CHECK(display_usd_cents(0) == "$0.00");
  CHECK(display_usd_cents(1234567.891) == "$1,234,567.89");
  CHECK(display_usd_cents(0.5) == "$0.50");
  CHECK(display_usd_cents(0.000412) == "$0.000412");
  CHECK(display_usd_cents(-20) == "-$20.00");
}

TEST_CASE("display_quantity, display_duration and display_percent") {
  CHECK(display_quantity(0) == "0");
  CHECK(display_quantity(7) == "7");
  CHECK(display_quantity(1250000) == "1,250,000");
  CHECK(display_quantity(36000.7) == "36,001");
  CHECK(display_quantity(12.54) == "12.5");
  CHECK(display_quantity(0.5731) == "0.573");
  CHECK(display_duration(0) == "0 ms");
  CHECK(display_duration(35.24) == "35.2 ms");
  CHECK(display_duration(120.5) == "120 ms");
  CHECK(display_duration(1204.4) == "1.20 s");
  CHECK(display_duration(850000) == "14.2 min");
  CHECK(display_duration(85504982) == "23.8 h");
  CHECK(display_duration(594271671) == "6.88 d");
  CHECK(display_percent(0) == "0%");
  CHECK(display_percent(1) == "100%");
  CHECK(display_percent(0.48) == "48%");
  CHECK(display_percent(0.045) == "4.5%");
  CHECK(display_percent(0.0004) == "<0.1%");
  CHECK(display_percent(0.9996) == ">99.9%");
  CHECK(display_percent(-0.12) == "-12%");
}

TEST_CASE("comparison sentence, candidate cheaper") {
  engine::ComparisonReport c;
  c.baseline = "step-functions";
  c.candidate = "iot-rules";
  c.saving_usd = {1234, 1100, 1380, 1200, 1260};
  c.saving_fraction_mean = 0.48;
  c.p_candidate_cheaper = 1;
  CHECK(comparison_sentence(c) ==
        "iot-rules costs 48% less than step-functions ($1,234/month saved, 90% interval $1,100 to $1,380; "
        "cheaper in 100% of draws)");
}

TEST_CASE("comparison sentence, candidate dearer") {
  engine::ComparisonReport c;
  c.baseline = "a";
  c.candidate = "b";
  c.saving_usd = {-310, -505, -120, -320, -300};
  c.saving_fraction_mean = -0.12;
  c.p_candidate_cheaper = 0.045;
  CHECK(comparison_sentence(c) ==
        "b costs 12% more than a ($310/month more, 90% interval $120 to $505; cheaper in 4.5% of draws)");
}

TEST_CASE("comparison sentence, same cost") {
  engine::ComparisonReport c;
  c.baseline = "a";
  c.candidate = "b";
  c.saving_usd = {0, -2, 2, -1, 1};
  c.p_candidate_cheaper = 0.5;
  CHECK(comparison_sentence(c) ==
        "b costs the same as a on average (90% interval of the saving -$2.00 to $2.00; cheaper in 50% of draws)");
}

TEST_CASE("text table aligns columns and trims trailing spaces") {
  TextTable t;
  t.add_row({"name", "value", ""});
  t.add_row({"a", "1,000", ""});
  t.add_row({"longer name", "5", ""});
  std::ostringstream out;
  t.write(out, "  ");
  CHECK(out.str() ==
        "  name         value\n"
        "  a            1,000\n"
        "  longer name      5\n");
}

TEST_CASE("comparison sentence against a baseline that costs nothing has no percentage") {
  engine::ComparisonReport c;
  c.baseline = "a";
  c.candidate = "b";
  c.saving_usd = {-3, -4, -2, -3.5, -2.5};
  c.saving_fraction_mean = 0;  // sum(saving) / sum(baseline) with a zero baseline
  c.p_candidate_cheaper = 0;
  CHECK(comparison_sentence(c) == "b costs more than a ($3.00/month more, 90% interval $2.00 to $4.00; cheaper in 0% of draws)");
}
