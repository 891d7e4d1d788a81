#pragma once
/// What every subcommand gets: output streams and a place to put its exit code.
#include <functional>
#include <iosfwd>

#include "cli/exit_codes.h"

namespace migra::cli {

/// Shared state of one migra invocation.
struct CommandContext {
  std::ostream& out;
  std::ostream& err;
  /// Set by the chosen subcommand's callback; run after parsing so errors are caught once.
  std::function<ExitCode()> action;
};

}  // namespace migra::cli
