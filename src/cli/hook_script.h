#pragma once
/// The git pre-commit hook that `migra hook install` writes, and how migra recognises it.
#include <string>

namespace migra::cli {

/// The line that marks a hook as migra's own, so it may be replaced or removed.
inline constexpr const char* kHookMarker = "# installed by migra hook install";

/// A POSIX sh pre-commit hook that runs `<migra> lint --staged` (falling back to `migra`
/// on PATH when that file is gone) and exits with its status.
std::string pre_commit_script(const std::string& migra_path);

/// True when a hook's text carries the marker line.
bool is_migra_hook(const std::string& text);

/// The running migra executable's absolute path, or "migra" when it cannot be told.
std::string running_executable();

}  // namespace migra::cli
