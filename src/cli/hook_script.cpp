#include "cli/hook_script.h"

#include <unistd.h>

#include <filesystem>
#include <sstream>

namespace fs = std::filesystem;

namespace migra::cli {
namespace {

// A single-quoted sh word: nothing inside is expanded; a quote is closed, escaped, reopened.
std::string sh_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

}  // namespace

std::string pre_commit_script(const std::string& migra_path) {
  std::ostringstream s;
  s << "#!/bin/sh\n"
    << kHookMarker << "\n"
    << "# Refuses a commit whose staged .sql model files do not pass `migra lint --staged`.\n"
    << "# Remove it with `migra hook uninstall`; skip it once with `git commit --no-verify`.\n"
    << "migra=" << sh_quote(migra_path) << "\n"
    << "if [ ! -x \"$migra\" ]; then\n"
    << "  if command -v migra >/dev/null 2>&1; then\n"
    << "    migra=migra\n"
    << "  else\n"
    << "    echo \"pre-commit: migra is neither at $migra nor on PATH; install it, or delete "
       "this hook ($0)\" >&2\n"
    << "    exit 1\n"
    << "  fi\n"
    << "fi\n"
    << "\"$migra\" lint --staged\n"
    << "status=$?\n"
    << "if [ \"$status\" -ne 0 ]; then\n"
    << "  echo \"pre-commit: commit refused by migra lint --staged; fix and stage the model "
       "files, or skip this check once with git commit --no-verify\" >&2\n"
    << "fi\n"
    << "exit \"$status\"\n";
  return s.str();
}

bool is_migra_hook(const std::string& text) {
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line == kHookMarker) return true;
  }
  return false;
}

std::string running_executable() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  // A binary replaced since it started reads as "path (deleted)".
  if (ec || exe.empty() || !fs::exists(exe, ec) || access(exe.c_str(), X_OK) != 0) return "migra";
  return exe.string();
}

}  // namespace migra::cli
