#!/usr/bin/env bash
# Configures and builds migra into build/ (or $MIGRA_BUILD_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
"$PWD/ci/install-deps.sh"
build=${MIGRA_BUILD_DIR:-build}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "$(nproc)"
