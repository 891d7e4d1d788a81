#include "util/cleanup.h"

#include <pthread.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace migra {
namespace {

std::mutex& registry_mutex() {
  static std::mutex m;
  return m;
}

std::map<int, std::function<void()>>& registry() {
  static std::map<int, std::function<void()>> r;
  return r;
}

int next_handle = 1;
std::atomic<bool> cleaning{false};

sigset_t handled_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  return set;
}

void signal_thread() {
  sigset_t set = handled_signals();
  int signo = 0;
  if (sigwait(&set, &signo) != 0) return;
  cleaning = true;
  // Take the actions out first: an action may destroy an object whose destructor
  // unregisters itself, which must not wait for this thread.
  std::vector<std::function<void()>> actions;
  {
    std::lock_guard lock(registry_mutex());
    for (auto it = registry().rbegin(); it != registry().rend(); ++it) actions.push_back(it->second);
  }
  // Newest first: a database is dropped before the cluster holding it stops.
  for (auto& action : actions) {
    try {
      action();
    } catch (...) {
      // Keep cleaning the rest.
    }
  }
  _exit(128 + signo);
}

}  // namespace

void install_signal_cleanup() {
  static std::once_flag once;
  std::call_once(once, [] {
    sigset_t set = handled_signals();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    std::thread(signal_thread).detach();
  });
}

int register_cleanup(std::function<void()> action) {
  std::lock_guard lock(registry_mutex());
  int handle = next_handle++;
  registry().emplace(handle, std::move(action));
  return handle;
}

bool signal_cleanup_started() { return cleaning; }

void wait_for_signal_exit() {
  while (cleaning) pause();
}

void unregister_cleanup(int handle) {
  std::lock_guard lock(registry_mutex());
  registry().erase(handle);
}

}  // namespace migra
