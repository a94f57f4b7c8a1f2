#pragma once
// A one-entry memo of sim::site_key(a, b): the common case (top-level state, first visit, first attempt)
// asks for the same combination in every execution, so the hash is computed once per thread and draw.
// Results are identical to calling site_key directly.
#include <cstdint>

#include "sim/random.h"

namespace flowcost::sim::sfn {

struct SiteMemo {
  std::uint64_t a = 0, b = 0, out = 0;
  bool valid = false;

  std::uint64_t get(std::uint64_t site, std::uint64_t index) {
    if (!valid || a != site || b != index) {
      a = site;
      b = index;
      out = site_key(site, index);
      valid = true;
    }
    return out;
  }
};

}  // namespace flowcost::sim::sfn
