// Start-to-first-query time of the ephemeral cluster: every `migra` run on model files
// pays it once, so it bounds how fast a pre-commit hook or a build check can be.
//
// Usage: migra_bench_cluster [RUNS]   (default 7)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <pqxx/pqxx>

#include "source/connection.h"
#include "source/ephemeral_cluster.h"
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

/// One run's times in milliseconds.
struct Sample {
  double start = 0;        ///< EphemeralCluster::start() returning
  double first_query = 0;  ///< start plus connecting and the first query's answer
  double stop = 0;         ///< destruction: server stopped, directory removed
};

Sample run_once() {
  Sample s;
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
  return s;
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
  std::vector<double> first_query, stop;
  try {
    for (int i = 1; i <= runs; ++i) {
      Sample s = run_once();
      std::printf("run %d: start %.1f ms, first query at %.1f ms, stop %.1f ms\n", i, s.start,
                  s.first_query, s.stop);
      first_query.push_back(s.first_query);
      stop.push_back(s.stop);
    }
  } catch (const migra::Error& e) {
    std::fprintf(stderr, "migra_bench_cluster: %s\n", e.what());
    return 1;
  }
  auto [lo, hi] = std::minmax_element(first_query.begin(), first_query.end());
  std::printf("start-to-first-query over %d runs: min %.1f ms, median %.1f ms, max %.1f ms\n",
              runs, *lo, median(first_query), *hi);
  std::printf("stop: median %.1f ms\n", median(stop));
  return 0;
}
