#pragma once
// Diagnostics as a report lists them, and a list with each diagnostic once (model/diagnostics.cpp).
#include <string>

#include "model/diagnostics.h"

namespace flowcost::model {

// The headline without the severity: "FILE:LINE:COL: message" (a report's list of warnings, which says
// "warning" itself).
std::string diagnostic_text(const Diagnostic& d);

// Keeps the first of diagnostics that are identical (severity, position and message): a file loaded twice
// (a design that another design starts) reports its problems once.
void remove_repeats(Diagnostics& diags);

}  // namespace flowcost::model
