#include <fcntl.h>
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "cli/app.h"

namespace {

// A standard stream the shell left closed (`>&-`) gets /dev/null opened read-only in its place: no file
// the tool opens later can take its descriptor (and be written by mistake), and a write to it fails, so
// that a report lost to a closed standard output is an error (exit 1), not a silent success.
void occupy_closed_standard_streams() {
  for (int fd = 0; fd <= 2; ++fd) {
    if (::fcntl(fd, F_GETFD) != -1) continue;
    const int opened = ::open("/dev/null", O_RDONLY);
    if (opened >= 0 && opened != fd) {
      ::dup2(opened, fd);
      ::close(opened);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  occupy_closed_standard_streams();
  std::vector<std::string> args(argv + 1, argv + argc);
  int code = flowcost::cli::run_cli(args, std::cout, std::cerr);
  std::cout.flush();
  return code;
}
