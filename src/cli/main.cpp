#include <iostream>

#include "cli/app.h"
#include "util/cleanup.h"

int main(int argc, char** argv) {
  migra::install_signal_cleanup();
  std::vector<std::string> args(argv + 1, argv + argc);
  int rc = migra::cli::run(args, std::cout, std::cerr);
  // After Ctrl-C the work above fails fast; the signal thread finishes cleaning up and
  // ends the process with 130.
  migra::wait_for_signal_exit();
  return rc;
}
