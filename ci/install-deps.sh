#!/usr/bin/env bash
# Installs migra's build and test dependencies from Debian packages, only what is missing.
set -euo pipefail
packages=(build-essential cmake pkg-config libpqxx-dev libpq-dev libpg-query-dev libyaml-cpp-dev
          libcli11-dev nlohmann-json3-dev libsimdjson-dev libxxhash-dev libjemalloc-dev libgtest-dev
          postgresql postgresql-client git)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
