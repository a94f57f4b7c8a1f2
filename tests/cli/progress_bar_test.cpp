#include <catch2/catch.hpp>

#include <sstream>

#include "cli/progress_bar.h"

TEST_CASE("progress bar: nothing at all when standard error is not a terminal") {
  std::ostringstream err;
  {
    flowcost::cli::ProgressBar bar(err, /*enabled=*/false, "flowcost run");
    bar.update(1, 10);
    bar.update(10, 10);
    bar.finish();
  }
  CHECK(err.str().empty());
}
