#include "util/timing.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
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
  std::string line = "timing: " + phase_ + ": " + ms + " ms";
  if (phase_ == "total") {
    // The kernel's high-water mark of this process's resident memory.
    std::ifstream status("/proc/self/status");
    for (std::string l; std::getline(status, l);) {
      if (l.rfind("VmHWM:", 0) == 0) {
        long kb = std::strtol(l.c_str() + 6, nullptr, 10);
        line += " (peak memory " + std::to_string((kb + 512) / 1024) + " MB)";
      }
    }
  }
  log_verbose(line);
}

double PhaseTimer::elapsed_ms() const {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_)
      .count();
}

}  // namespace migra
