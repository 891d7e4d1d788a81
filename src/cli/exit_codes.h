#pragma once

namespace migra::cli {

/// Process exit codes, compatible with the original migra.
enum class ExitCode : int {
  ok = 0,           ///< no differences / success
  error = 1,        ///< any error
  changes = 2,      ///< differences found (diff, check)
  destructive = 3,  ///< destructive changes without --unsafe
};

}  // namespace migra::cli
