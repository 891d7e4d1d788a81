#include "util/process.h"

#include <fcntl.h>
#include <grp.h>
#include <poll.h>
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
                             int out_fd, int err_fd) {
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
  dup2(err_fd, STDERR_FILENO);
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

// The exit code of a finished child; 128 + signal when a signal ended it.
int wait_for_exit(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
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
  if (pid == 0) exec_child(cargv, as, fds[1], fds[1]);
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
  result.exit_code = wait_for_exit(pid);
  return result;
}

SplitProcessResult run_process_split(const std::vector<std::string>& argv) {
  int out[2], err[2];
  if (pipe2(out, O_CLOEXEC) != 0) {
    throw Error("cannot create a pipe: " + std::string(strerror(errno)));
  }
  if (pipe2(err, O_CLOEXEC) != 0) {
    close(out[0]);
    close(out[1]);
    throw Error("cannot create a pipe: " + std::string(strerror(errno)));
  }
  auto cargv = to_argv(argv);
  pid_t pid = fork();
  if (pid < 0) {
    for (int fd : {out[0], out[1], err[0], err[1]}) close(fd);
    throw Error("cannot start " + describe(argv) + ": " + strerror(errno));
  }
  if (pid == 0) exec_child(cargv, std::nullopt, out[1], err[1]);
  close(out[1]);
  close(err[1]);
  SplitProcessResult result;
  // Both pipes are drained together: a child that fills one while we block on the
  // other would never finish.
  pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
  std::string* sinks[2] = {&result.out, &result.err};
  int open_count = 2;
  char chunk[4096];
  while (open_count > 0) {
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      ssize_t n = read(fds[i].fd, chunk, sizeof chunk);
      if (n > 0) {
        sinks[i]->append(chunk, static_cast<size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_count;
      }
    }
  }
  for (const auto& f : fds) {
    if (f.fd >= 0) close(f.fd);
  }
  result.exit_code = wait_for_exit(pid);
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
  if (pid == 0) exec_child(cargv, as, fd, fd);
  close(fd);
  return pid;
}

}  // namespace migra
