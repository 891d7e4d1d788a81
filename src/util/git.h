#pragma once
/// Running git for the repository around the current directory: its output kept apart
/// from its warnings, and errors that say what to do.
#include <string>
#include <vector>

namespace migra::git {

/// The git executable: the first `git` on PATH, else /usr/bin/git. Throws migra::Error
/// when there is none.
std::string executable();

/// Runs `git args...` in the current directory and returns its stdout. Throws
/// migra::Error with git's own message when it fails; `what` names the step in it.
std::string run(const std::vector<std::string>& args, const std::string& what);

/// The work tree's top-level directory. Throws a clear migra::Error outside a work tree.
std::string toplevel();

/// The directory git runs hooks from (honours core.hooksPath and worktrees), absolute.
/// Throws a clear migra::Error outside a repository.
std::string hooks_dir();

}  // namespace migra::git
