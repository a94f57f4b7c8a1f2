#pragma once
// The `--vary NAME=FROM..TO[:log][:N]` option of `flowcost sweep` (docs/cli.md "sweep").
#include <string>

#include "engine/sweep.h"

namespace flowcost::cli {

// FROM and TO are quantities like --set values (`10ms`, `2KB`, `300`), in the input's base unit once
// parsed; N points (default 9, 2 to 101). Throws model::InputError at "--vary" for a malformed range
// (every problem at once).
engine::VarySpec parse_vary(const std::string& text);

}  // namespace flowcost::cli
