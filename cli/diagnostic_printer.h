#pragma once
// Prints diagnostics with the source line and a caret, reading each file once for the excerpts.
#include <cstddef>
#include <iosfwd>
#include <vector>

#include "model/diagnostics.h"

namespace flowcost::cli {

// At most this many diagnostics are printed; the rest are counted in one last line
// "... and N more (E errors, W warnings)". docs/cli.md documents the cap.
inline constexpr std::size_t kMaxPrintedDiagnostics = 100;

void print_diagnostics(std::ostream& err, const std::vector<model::Diagnostic>& diagnostics,
                       std::size_t max_printed = kMaxPrintedDiagnostics);

}  // namespace flowcost::cli
