#!/usr/bin/env bash
# Builds migra and runs the whole test suite. Every integration test starts its own
# throwaway PostgreSQL cluster (as an unprivileged user when run as root) and stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
ci/build.sh
build=${MIGRA_BUILD_DIR:-build}
cd "$build"
ctest --output-on-failure -j "$(nproc)" "$@"
