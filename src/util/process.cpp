#include "util/process.h"

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

#include "util/error.h"

namespace migra {
namespace {

std::vector<char*> to_argv(const std::vector<std::string>& argv) {
  std::vector<char*> out;
  out.reserve(argv.size() + 1);
  for (const auto& a : argv) out.push_back(const_cast<char*>(a.c_str()));
  out.push_back(nullptr);
  return out;
}

// Runs in the child between fork and exec: only async-signal-safe calls.
[[noreturn]] void exec_child(const std::vector<char*>& argv, const std::optional<OsUser>& as,
                             int out_fd) {
  // migra blocks SIGINT/SIGTERM for its signal thread; the child must not inherit that.
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  // Own process group: a Ctrl-C at the terminal reaches migra, which then stops its
  // children in order, instead of reaching them mid-way.
  setpgid(0, 0);
  int devnull = open("/dev/null", O_RDONLY);
  if (devnull >= 0) dup2(devnull, STDIN_FILENO);
  dup2(out_fd, STDOUT_FILENO);
  dup2(out_fd, STDERR_FILENO);
  if (as) {
    if (setgroups(0, nullptr) != 0 || setgid(as->gid) != 0 || setuid(as->uid) != 0) _exit(126);
  }
  // No PR_SET_PDEATHSIG: Linux sends it when the forking *thread* ends, which would
  // stop a cluster started from a worker thread. The cleanup registry stops children.
  execv(argv[0], argv.data());
  _exit(127);
}

std::string describe(const std::vector<std::string>& argv) {
  std::string s;
  for (const auto& a : argv) s += (s.empty() ? "" : " ") + a;
  return s;
}

}  // namespace

std::optional<OsUser> find_os_user(const std::string& name) {
  struct passwd pw {};
  struct passwd* result = nullptr;
  std::vector<char> buf(16384);
  if (getpwnam_r(name.c_str(), &pw, buf.data(), buf.size(), &result) != 0 || !result) {
    return std::nullopt;
  }
  return OsUser{name, pw.pw_uid, pw.pw_gid};
}

ProcessResult run_process(const std::vector<std::string>& argv, const std::optional<OsUser>& as) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) throw Error("cannot create a pipe: " + std::string(strerror(errno)));
  auto cargv = to_argv(argv);
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    throw Error("cannot start " + describe(argv) + ": " + strerror(errno));
  }
  if (pid == 0) exec_child(cargv, as, fds[1]);
  close(fds[1]);
  ProcessResult result;
  char chunk[4096];
  for (;;) {
    ssize_t n = read(fds[0], chunk, sizeof chunk);
    if (n > 0) {
      result.output.append(chunk, static_cast<size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      break;
    }
  }
  close(fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  } else {
    result.exit_code = 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
  }
  return result;
}

pid_t spawn_process(const std::vector<std::string>& argv, const std::optional<OsUser>& as,
                    const std::string& log_path) {
  int fd = open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) throw Error("cannot open " + log_path + ": " + strerror(errno));
  if (as && fchown(fd, as->uid, as->gid) != 0) {
    // Not fatal: the child writes through the inherited descriptor.
  }
  auto cargv = to_argv(argv);
  pid_t pid = fork();
  if (pid < 0) {
    close(fd);
    throw Error("cannot start " + describe(argv) + ": " + strerror(errno));
  }
  if (pid == 0) exec_child(cargv, as, fd);
  close(fd);
  return pid;
}

}  // namespace migra
