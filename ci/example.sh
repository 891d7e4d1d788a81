#!/usr/bin/env bash
# Builds migra and runs its main job on the embedded default: the model files of the
# shop example are loaded into a throwaway cluster and inspected. No server to set up.
set -euo pipefail
cd "$(dirname "$0")/.."
ci/build.sh
build=${MIGRA_BUILD_DIR:-build}
"$build/migra" inspect schema-examples/shop/v1 --format yaml
