// The division-free per-event counters of model/metering.h give exactly the results of the plain
// formulas they replace, at every boundary.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <vector>

#include "model/metering.h"

using flowcost::model::metered_units;
using flowcost::model::Rounding;
using flowcost::model::UnitCounter;

TEST_CASE("UnitCounter counts units exactly as metered_units, powers of two and others") {
  for (std::int64_t unit : {1, 2, 1024, 4096, 5 * 1024, 25 * 1024, 64 * 1024, 3, 1000, 999'983}) {
    const UnitCounter count(unit);
    INFO("unit " << unit);
    for (std::int64_t bytes : std::vector<std::int64_t>{-5, 0, 1, 2, 3}) CHECK(count(bytes) == metered_units(bytes, unit));
    for (std::int64_t k = 1; k < 2000; k += 7) {
      for (std::int64_t d = -2; d <= 2; ++d) {
        const std::int64_t bytes = k * unit + d;
        CHECK(count(bytes) == metered_units(bytes, unit));
      }
    }
    // Large sizes near and above the 2^52 switch to division.
    for (std::int64_t bytes : {(std::int64_t{1} << 52) - unit, (std::int64_t{1} << 52) - 1, std::int64_t{1} << 52,
                               (std::int64_t{1} << 60) + 12345})
      CHECK(count(bytes) == metered_units(bytes, unit));
  }
  CHECK(UnitCounter(5120)(5121) == 2);
  CHECK(UnitCounter(5120)(5120) == 1);
  CHECK(UnitCounter(1024)(0) == 1);
}

TEST_CASE("Rounding rounds up to its step as ceil(x / step - 1e-9) x step") {
  auto reference = [](double x, double step) -> std::int64_t {
    if (!(x > 0)) return 0;
    return static_cast<std::int64_t>(std::ceil(x / step - 1e-9)) * static_cast<std::int64_t>(step);
  };
  for (double step : {1.0, 64.0, 100.0, 1000.0, 0.5}) {
    const Rounding round(step);
    INFO("step " << step);
    for (double x : {-1.0, 0.0, 1e-12, 0.3, 1.0, 1.0000000001, 63.99, 64.0, 64.0000001, 99.999999, 100.0, 100.5,
                     300.00000000001, 12345.678, 3.1e10})
      CHECK(round(x) == reference(x, step));
    for (int i = 1; i < 5000; ++i) {
      const double x = i * 0.731;
      CHECK(round(x) == reference(x, step));
    }
  }
  CHECK(Rounding(100)(250) == 300);
  CHECK(Rounding(64)(50.3) == 64);
  CHECK(Rounding(1)(300.00000000001) == 300);  // a whole multiple up to noise is not rounded up again
}
