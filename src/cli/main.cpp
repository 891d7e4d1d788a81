#include <iostream>

#include "cli/app.h"
#include "util/cleanup.h"

int main(int argc, char** argv) {
  migra::install_signal_cleanup();
  std::vector<std::string> args(argv + 1, argv + argc);
  return migra::cli::run(args, std::cout, std::cerr);
}
