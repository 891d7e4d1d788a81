#include "util/cleanup.h"

#include <pthread.h>
#include <unistd.h>

#include <csignal>
#include <map>
#include <mutex>
#include <thread>

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
  std::unique_lock lock(registry_mutex());
  // Newest first: a database is dropped before the cluster holding it stops.
  for (auto it = registry().rbegin(); it != registry().rend(); ++it) {
    try {
      it->second();
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

void unregister_cleanup(int handle) {
  std::lock_guard lock(registry_mutex());
  registry().erase(handle);
}

}  // namespace migra
