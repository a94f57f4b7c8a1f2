#include <iostream>
#include <string>
#include <vector>

#include "cli/app.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  int code = flowcost::cli::run_cli(args, std::cout, std::cerr);
  std::cout.flush();
  return code;
}
