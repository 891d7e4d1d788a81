#pragma once
/// Cleanup that must also run on SIGINT/SIGTERM: throwaway clusters and databases.
///
/// Signals are blocked in every thread and taken by one signal thread, which runs the
/// registered actions (ordinary C++ code, so it may use libpq) and exits with 128+signo.
#include <functional>

namespace migra {

/// Blocks SIGINT/SIGTERM/SIGHUP and starts the signal thread. Call first in main(),
/// before any other thread starts; later calls do nothing.
void install_signal_cleanup();

/// Registers an action; returns a handle for unregister_cleanup.
int register_cleanup(std::function<void()> action);

/// Removes an action that has already run normally.
void unregister_cleanup(int handle);

/// True once a signal arrived: the signal thread is cleaning up and will end the process
/// with 128+signo, so the main thread must not exit first (call wait_for_signal_exit).
bool signal_cleanup_started();

/// Blocks forever when signal cleanup has started, so the process ends with its signal
/// exit code after the cleanup; returns at once otherwise.
void wait_for_signal_exit();

}  // namespace migra
