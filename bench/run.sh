#!/usr/bin/env bash
# Builds and runs migra's benchmarks: cluster start-up, and lint of 1,000 model
# statements. Usage: bench/run.sh [RUNS]
# BUILD_DIR (default: build/ in the source tree) and JOBS (default 2) may be set;
# TMPDIR places the clusters, as it does for migra (compare /tmp with /dev/shm).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$root/build}"
cmake -S "$root" -B "$build" >/dev/null
cmake --build "$build" --target migra_bench_cluster migra_bench_lint -j "${JOBS:-2}" >/dev/null
"$build/bench/migra_bench_cluster" "$@"
"$build/bench/migra_bench_lint" 1000
