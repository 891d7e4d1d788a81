#!/usr/bin/env bash
# Builds migra and runs its main job on the embedded default: the two versions of the
# shop example's model files are each loaded into a throwaway cluster, and migra prints
# the SQL that turns v1 into v2. No server to set up. Exit 2 means "changes printed".
set -euo pipefail
cd "$(dirname "$0")/.."
ci/build.sh
build=${MIGRA_BUILD_DIR:-build}
rc=0
"$build/migra" diff --unsafe schema-examples/shop/v1 schema-examples/shop/v2 || rc=$?
[ "$rc" -eq 2 ] || { echo "unexpected exit code $rc" >&2; exit 1; }
