#include "util/timing.h"

#include <atomic>
#include <cstdint>
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

}  // namespace migra

// jemalloc's control interface, when the executable links jemalloc (migra does; test
// programs don't, and then this is null).
extern "C" int mallctl(const char* name, void* oldp, size_t* oldlenp, void* newp,
                       size_t newlen) __attribute__((weak));

namespace migra {
namespace {

// A size statistic of the allocator in MB, or -1.
double allocator_mb(const char* name) {
  size_t value = 0, size = sizeof value;
  if (mallctl(name, &value, &size, nullptr, 0) != 0) return -1;
  return static_cast<double>(value) / (1024.0 * 1024.0);
}

// "allocated 81.2 MB, resident 97.0 MB": what the program holds now, and the memory the
// allocator keeps for it; empty without jemalloc.
std::string allocator_summary() {
  if (mallctl == nullptr) return "";
  // Statistics are cached until the epoch advances.
  std::uint64_t epoch = 1;
  size_t size = sizeof epoch;
  if (mallctl("epoch", &epoch, &size, &epoch, size) != 0) return "";
  double allocated = allocator_mb("stats.allocated"), resident = allocator_mb("stats.resident");
  if (allocated < 0 || resident < 0) return "";
  char text[96];
  std::snprintf(text, sizeof text, "allocated %.1f MB, resident %.1f MB", allocated, resident);
  return text;
}

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
  // A line of its own: scripts read the time as the timing line's last word.
  if (phase_ != "total") {
    if (auto memory = allocator_summary(); !memory.empty()) {
      log_verbose("memory: after " + phase_ + ": " + memory);
    }
  }
}

double PhaseTimer::elapsed_ms() const {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_)
      .count();
}

}  // namespace migra
