#include "util/git.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string_view>

#include "util/error.h"
#include "util/process.h"

namespace fs = std::filesystem;

namespace migra::git {
namespace {

std::string trim_newline(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

// Runs a `git rev-parse` query, turning "not a git repository" into an error that says
// where we are and what to do.
std::string rev_parse(const std::vector<std::string>& args, const std::string& needs) {
  std::vector<std::string> argv{executable(), "rev-parse"};
  argv.insert(argv.end(), args.begin(), args.end());
  auto r = run_process_split(argv);
  if (r.exit_code == 0) return trim_newline(r.out);
  std::error_code ec;
  std::string here = fs::current_path(ec).string();
  if (r.err.find("not a git repository") != std::string::npos) {
    throw Error("not in a git repository: " + here,
                "run it inside the repository's work tree, or create one with git init");
  }
  throw Error("git cannot find " + needs + " from " + here + ": " + trim_newline(r.err),
              "run it inside a git work tree");
}

}  // namespace

std::string executable() {
  if (const char* path = std::getenv("PATH"); path && *path) {
    std::string_view rest(path);
    while (!rest.empty()) {
      auto colon = rest.find(':');
      std::string dir(rest.substr(0, colon));
      rest = colon == std::string_view::npos ? std::string_view{} : rest.substr(colon + 1);
      // An empty PATH entry means the current directory; git is not looked up there.
      if (dir.empty()) continue;
      std::string candidate = dir + "/git";
      if (access(candidate.c_str(), X_OK) == 0 && !fs::is_directory(candidate)) return candidate;
    }
  }
  if (access("/usr/bin/git", X_OK) == 0) return "/usr/bin/git";
  throw Error("git is not installed (no git on PATH or at /usr/bin/git)",
              "install git, e.g. apt-get install git");
}

std::string run(const std::vector<std::string>& args, const std::string& what) {
  std::vector<std::string> argv{executable()};
  argv.insert(argv.end(), args.begin(), args.end());
  auto r = run_process_split(argv);
  if (r.exit_code != 0) {
    std::string message = trim_newline(r.err);
    if (message.empty()) message = "exit code " + std::to_string(r.exit_code);
    throw Error("git failed while " + what + ": " + message,
                "check the repository with git status, then try again");
  }
  return r.out;
}

std::string toplevel() { return rev_parse({"--show-toplevel"}, "the top of the work tree"); }

std::string hooks_dir() {
  // Relative answers are relative to the current directory.
  std::string dir = rev_parse({"--git-path", "hooks"}, "the hooks directory");
  return fs::absolute(dir).lexically_normal().string();
}

}  // namespace migra::git
