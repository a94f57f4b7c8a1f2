#pragma once
// The flowcost command line as a function, so that main() and the end-to-end tests share it.
#include <iosfwd>
#include <string>
#include <vector>

namespace flowcost::cli {

// Parses `args` (without the program name), runs the verb, returns the exit code:
// 0 success, 1 bad input (nothing written), 2 internal error.
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace flowcost::cli
