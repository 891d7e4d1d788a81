#pragma once
/// Child processes started with fork/exec, optionally as another OS user.
#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace migra {

/// An OS user a child process switches to before exec (used when migra runs as root).
struct OsUser {
  std::string name;
  uid_t uid = 0;
  gid_t gid = 0;
};

/// Looks up an OS user by name; nullopt when there is none.
std::optional<OsUser> find_os_user(const std::string& name);

/// Output and exit status of a finished child.
struct ProcessResult {
  int exit_code = -1;
  std::string output;  ///< stdout and stderr, interleaved
};

/// Runs argv to completion, capturing its output.
ProcessResult run_process(const std::vector<std::string>& argv,
                          const std::optional<OsUser>& as = std::nullopt);

/// Output and exit status of a finished child, stdout and stderr apart.
struct SplitProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// Runs argv to completion, capturing stdout and stderr separately (for output that is
/// parsed, where a warning on stderr must not end up in the data).
SplitProcessResult run_process_split(const std::vector<std::string>& argv);

/// Starts argv in the background with stdout/stderr appended to log_path; returns its pid.
pid_t spawn_process(const std::vector<std::string>& argv, const std::optional<OsUser>& as,
                    const std::string& log_path);

}  // namespace migra
