#pragma once
// Prints diagnostics with the source line and a caret, reading each file once for the excerpts.
#include <iosfwd>
#include <vector>

#include "model/diagnostics.h"

namespace flowcost::cli {

void print_diagnostics(std::ostream& err, const std::vector<model::Diagnostic>& diagnostics);

}  // namespace flowcost::cli
