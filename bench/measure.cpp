// migra_bench_measure: runs a command and records its wall time and peak memory, without
// depending on /usr/bin/time (absent on some CI images).
//
// Usage: migra_bench_measure --out FILE CMD [ARGS...]
//   CMD inherits stdin, stdout and stderr. FILE gets one line: "<wall ms> <max RSS KB>".
//   The exit status is CMD's (128 + signal when it was killed; 127 when it cannot start).
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

namespace {

pid_t child = -1;

void forward(int sig) {
  if (child > 0) kill(child, sig);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4 || std::string(argv[1]) != "--out") {
    std::fprintf(stderr, "usage: %s --out FILE CMD [ARGS...]\n", argv[0]);
    return 2;
  }
  const char* out_path = argv[2];
  // Ctrl-C reaches CMD from the terminal itself; a TERM sent to us alone is passed on.
  signal(SIGINT, SIG_IGN);
  struct sigaction sa {};
  sa.sa_handler = forward;
  sigaction(SIGTERM, &sa, nullptr);

  auto start = std::chrono::steady_clock::now();
  child = fork();
  if (child < 0) {
    std::fprintf(stderr, "migra_bench_measure: fork failed: %s\n", std::strerror(errno));
    return 127;
  }
  if (child == 0) {
    signal(SIGINT, SIG_DFL);
    execvp(argv[3], argv + 3);
    std::fprintf(stderr, "migra_bench_measure: cannot run %s: %s\n", argv[3], std::strerror(errno));
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  while (wait4(child, &status, 0, &usage) < 0) {
    if (errno != EINTR) {
      std::fprintf(stderr, "migra_bench_measure: wait failed: %s\n", std::strerror(errno));
      return 127;
    }
  }
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                  .count();
  FILE* out = std::fopen(out_path, "w");
  if (!out) {
    std::fprintf(stderr, "migra_bench_measure: cannot write %s: %s\n", out_path,
                 std::strerror(errno));
    return 127;
  }
  // ru_maxrss is in kilobytes on Linux.
  std::fprintf(out, "%.1f %ld\n", ms, usage.ru_maxrss);
  std::fclose(out);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}
