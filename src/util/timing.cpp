#include "util/timing.h"

#include <atomic>
#include <cstdio>
#include <iostream>
#include <mutex>

namespace migra {
namespace {

std::atomic<bool> g_verbose{false};
// FROM and TARGET are inspected on two threads: one line must never cut into another.
std::mutex g_output;

}  // namespace

void set_verbose(bool on) { g_verbose = on; }

bool verbose() { return g_verbose; }

void log_verbose(const std::string& message) {
  if (!verbose()) return;
  std::lock_guard lock(g_output);
  std::cerr << "migra: " << message << "\n" << std::flush;
}

PhaseTimer::PhaseTimer(std::string phase)
    : phase_(std::move(phase)), start_(std::chrono::steady_clock::now()) {}

PhaseTimer::~PhaseTimer() {
  if (!verbose()) return;
  char ms[32];
  std::snprintf(ms, sizeof ms, "%.1f", elapsed_ms());
  log_verbose("timing: " + phase_ + ": " + ms + " ms");
}

double PhaseTimer::elapsed_ms() const {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_)
      .count();
}

}  // namespace migra
