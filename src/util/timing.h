#pragma once
/// `--verbose`: what migra is doing and how long each phase takes, on stderr.
#include <chrono>
#include <string>

namespace migra {

/// Turns verbose output on or off for the whole process.
void set_verbose(bool on);
/// Whether --verbose was given.
bool verbose();

/// Prints "migra: <message>" to stderr when verbose; whole lines, safe across threads.
void log_verbose(const std::string& message);

/// Times one phase and prints "migra: timing: <phase>: <ms> ms" when it ends (verbose only);
/// the phase named "total" adds the process's peak memory. Under jemalloc a second line,
/// "migra: memory: after <phase>: allocated <n> MB, resident <n> MB", tells what the
/// program holds then.
class PhaseTimer {
 public:
  explicit PhaseTimer(std::string phase);
  ~PhaseTimer();
  PhaseTimer(const PhaseTimer&) = delete;
  PhaseTimer& operator=(const PhaseTimer&) = delete;

  /// Milliseconds since the phase started.
  [[nodiscard]] double elapsed_ms() const;

 private:
  std::string phase_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace migra
