// Start-to-first-query time of the ephemeral cluster: every `migra` run on model files
// pays it once, so it bounds how fast a pre-commit hook or a build check can be.
//
// Usage: migra_bench_cluster [RUNS]   (default 7)
//
// Also reports the CPU time the runs used (migra plus its servers), which unlike wall
// time does not grow when the machine is busy, and initdb alone, the usual bulk of it.
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include <pqxx/pqxx>

#include "source/connection.h"
#include "source/ephemeral_cluster.h"
#include "source/pg_binaries.h"
#include "util/process.h"
#include "util/cleanup.h"
#include "util/error.h"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/// CPU time, user plus system, of this process and its waited-for children, in ms.
double cpu_ms() {
  double total = 0;
  for (int who : {RUSAGE_SELF, RUSAGE_CHILDREN}) {
    rusage u{};
    getrusage(who, &u);
    total += static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1000 +
             static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1000;
  }
  return total;
}

/// One run's times in milliseconds.
struct Sample {
  double start = 0;        ///< EphemeralCluster::start() returning
  double first_query = 0;  ///< start plus connecting and the first query's answer
  double stop = 0;         ///< destruction: server stopped, directory removed
  double cpu = 0;          ///< CPU time of the whole run, servers included
};

Sample run_once() {
  Sample s;
  double cpu0 = cpu_ms();
  auto t0 = Clock::now();
  auto cluster = migra::EphemeralCluster::start();
  s.start = ms_since(t0);
  {
    auto conn = migra::connect(cluster->conninfo("postgres"));
    pqxx::nontransaction tx(*conn);
    tx.exec1("select 1");
  }
  s.first_query = ms_since(t0);
  auto t1 = Clock::now();
  cluster.reset();
  s.stop = ms_since(t1);
  s.cpu = cpu_ms() - cpu0;
  return s;
}

/// Wall time of initdb alone, run like EphemeralCluster does (as postgres under root).
double initdb_once() {
  // The same place as the cluster's directory: the file system decides much of the cost.
  const char* tmp = std::getenv("TMPDIR");
  std::string dir = std::string(tmp && *tmp ? tmp : "/tmp") + "/migra-bench-XXXXXX";
  if (!mkdtemp(dir.data())) throw migra::Error("cannot create a temporary directory");
  std::optional<migra::OsUser> user;
  if (geteuid() == 0) {
    const char* env = std::getenv("MIGRA_PG_USER");
    user = migra::find_os_user(env && *env ? env : "postgres");
    if (user && chown(dir.c_str(), user->uid, user->gid) != 0) user.reset();
  }
  auto t0 = Clock::now();
  auto r = migra::run_process({migra::find_pg_bindir() + "/initdb", "-D", dir + "/data", "-U",
                               "migra", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync",
                               "--no-instructions"},
                              user);
  double ms = ms_since(t0);
  migra::run_process({"/bin/rm", "-rf", dir});
  if (r.exit_code != 0) throw migra::Error("initdb failed:\n" + r.output);
  return ms;
}

}  // namespace

int main(int argc, char** argv) {
  migra::install_signal_cleanup();
  int runs = 7;
  if (argc > 1) runs = std::atoi(argv[1]);
  if (argc > 2 || runs < 1) {
    std::fprintf(stderr, "usage: %s [RUNS]   (RUNS >= 1, default 7)\n", argv[0]);
    return 1;
  }
  std::vector<double> first_query, stop, cpu, initdb;
  try {
    for (int i = 1; i <= runs; ++i) {
      Sample s = run_once();
      std::printf("run %d: start %.1f ms, first query at %.1f ms, stop %.1f ms, cpu %.1f ms\n",
                  i, s.start, s.first_query, s.stop, s.cpu);
      first_query.push_back(s.first_query);
      stop.push_back(s.stop);
      cpu.push_back(s.cpu);
    }
    for (int i = 0; i < runs; ++i) initdb.push_back(initdb_once());
  } catch (const migra::Error& e) {
    std::fprintf(stderr, "migra_bench_cluster: %s\n", e.what());
    return 1;
  }
  auto [lo, hi] = std::minmax_element(first_query.begin(), first_query.end());
  std::printf("start-to-first-query over %d runs: min %.1f ms, median %.1f ms, max %.1f ms\n",
              runs, *lo, median(first_query), *hi);
  std::printf("stop: median %.1f ms; cpu per run: median %.1f ms; initdb alone: median %.1f ms\n",
              median(stop), median(cpu), median(initdb));
  double load[1] = {0};
  if (getloadavg(load, 1) == 1) {
    std::printf("load average %.2f on %ld cores\n", load[0], sysconf(_SC_NPROCESSORS_ONLN));
  }
  return 0;
}
