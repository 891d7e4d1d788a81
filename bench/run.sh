#!/usr/bin/env bash
# migra's performance benchmark: one table of medians (with min–max) over generated model
# sets of each size, beside reference commands measured in the same runs.
#
# Usage: bench/run.sh [--sizes "100 1000 5000"] [--runs N]
#   --sizes  table counts of the generated model sets (default "100 1000")
#   --runs   runs per size (default 5); sizes of 5000 tables and more use max(1, N/2)
#
# For each size it generates model set A (bench/generate, seed 1) and B (the same with
# about 5 % of the objects changed), loads both into live databases on a PostgreSQL server
# of its own (initdb in a temp dir, unix socket only, as the `postgres` OS user or
# $MIGRA_PG_USER when run as root; stopped and removed on exit and on Ctrl-C), and measures:
#   - cluster start: `migra inspect` of an empty model, with an empty $XDG_CACHE_HOME (cold)
#     and again with the same one (warm);
#   - loading the models into scratch (the "load models" phase of `migra --verbose`; for a
#     migra without it, `migra inspect A` minus `migra inspect` of an empty model) against
#     `psql -1 -f` of the same files into a fresh database;
#   - `migra diff A B` and `migra diff A A` on the live databases against
#     `pg_dump --schema-only A`, and the peak RSS of `migra diff A B`;
#   - `migra lint` of A's model files;
#   - `migra check` of A's models against live A (in sync): first and repeated run with the
#     same $XDG_CACHE_HOME (whose cluster template is warm for both), against `migra diff A B`.
# Ratios are medians of the per-run ratios (absolute times are noisy on shared machines).
# The table is printed and written to bench/results/<UTC date and time>-<sizes>.md with the
# machine's details.
#
# Environment: BUILD_DIR (default build-bench/ in the source tree, a Release build), JOBS
# (default 2), TMPDIR (the work directory and, as for migra, its clusters), MIGRA_PG_BINDIR
# (default: PostgreSQL 15's, else the newest installed), MIGRA_PG_USER.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

sizes="100 1000"
runs=5
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sizes) sizes="${2:?--sizes needs a value}"; shift 2 ;;
    --runs) runs="${2:?--runs needs a value}"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/run.sh: unknown argument '$1' (see --help)" >&2; exit 1 ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "bench/run.sh: --runs must be a positive number" >&2; exit 1; }
for n in $sizes; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "bench/run.sh: size '$n' is not a positive number" >&2; exit 1; }
done

# --- build -----------------------------------------------------------------------------
build="${BUILD_DIR:-$root/build-bench}"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
echo "building migra and the benchmark programs (Release) in $build ..." >&2
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DMIGRA_BUILD_TESTS=OFF \
  "${launcher[@]}" >/dev/null
cmake --build "$build" --target migra migra_bench_generate migra_bench_measure \
  -j "${JOBS:-2}" >/dev/null
migra="$build/migra"
generate="$build/bench/migra_bench_generate"
measure="$build/bench/migra_bench_measure"

# --- PostgreSQL server of our own ----------------------------------------------------------
bindir="${MIGRA_PG_BINDIR:-}"
if [[ -z "$bindir" ]]; then
  if [[ -x /usr/lib/postgresql/15/bin/initdb ]]; then
    bindir=/usr/lib/postgresql/15/bin
  elif command -v pg_config >/dev/null && [[ -x "$(pg_config --bindir)/initdb" ]]; then
    bindir="$(pg_config --bindir)"
  else
    bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  fi
fi
[[ -x "$bindir/initdb" ]] || { echo "bench/run.sh: no PostgreSQL server programs found; set MIGRA_PG_BINDIR" >&2; exit 1; }
# migra's ephemeral clusters use the same server version as the reference commands.
export MIGRA_PG_BINDIR="$bindir"

work="$(mktemp -d "${TMPDIR:-/tmp}/migra-bench-XXXXXX")"
chmod 755 "$work"
# Away from any migra.yaml of the caller's directory.
cd "$work"
pg_started=""
as_pg=()
cleanup() {
  if [[ -n "$pg_started" ]]; then
    "${as_pg[@]}" "$bindir/pg_ctl" -D "$work/pg/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'echo "bench/run.sh: interrupted" >&2; exit 130' INT
trap 'exit 143' TERM

mkdir -p "$work/pg"
if [[ $EUID -eq 0 ]]; then
  pg_user="${MIGRA_PG_USER:-postgres}"
  id "$pg_user" >/dev/null 2>&1 || { echo "bench/run.sh: running as root needs the OS user '$pg_user' to run PostgreSQL (create it, or set MIGRA_PG_USER)" >&2; exit 1; }
  chown "$pg_user" "$work/pg"
  if command -v runuser >/dev/null; then as_pg=(runuser -u "$pg_user" --); else as_pg=(sudo -u "$pg_user"); fi
fi
echo "starting PostgreSQL ($bindir) in $work/pg ..." >&2
"${as_pg[@]}" "$bindir/initdb" -D "$work/pg/data" -U postgres -A trust -E UTF8 --locale=C \
  --no-sync >"$work/pg/initdb.log" 2>&1 || { cat "$work/pg/initdb.log" >&2; exit 1; }
cat >>"$work/pg/data/postgresql.conf" <<EOF
listen_addresses = ''
unix_socket_directories = '$work/pg'
fsync = off
full_page_writes = off
synchronous_commit = off
max_locks_per_transaction = 1024
dynamic_shared_memory_type = mmap
EOF
pg_started=1
"${as_pg[@]}" "$bindir/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w start >/dev/null \
  || { cat "$work/pg/server.log" >&2; exit 1; }
conn() { echo "host='$work/pg' user=postgres dbname=$1"; }
psql_cmd=("$bindir/psql" -X -q -v ON_ERROR_STOP=1)
sql() { "${psql_cmd[@]}" -d "$(conn postgres)" -c "$1" >/dev/null; }

# --- measuring ------------------------------------------------------------------------------
# timed NAME EXPECTED_EXIT CMD...: runs CMD with stdout to NAME.out and stderr to NAME.err;
# sets ms and rss_kb. On another exit code prints its stderr and stops the benchmark.
ms=0
rss_kb=0
timed() {
  local name="$1" expected="$2" rc=0
  shift 2
  "$measure" --out "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err" || rc=$?
  if [[ "$rc" != "$expected" ]]; then
    echo "bench/run.sh: '$*' exited with $rc (expected $expected); its stderr:" >&2
    cat "$work/$name.err" >&2
    exit 1
  fi
  read -r ms rss_kb <"$work/$name.time"
}
# Appends a value to the series KEY (a file of numbers).
record() { echo "$2" >>"$work/series.$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", (b > 0 ? a / b : 0) }'; }
# median, min, max of series KEY
stats() { sort -g "$work/series.$1" | awk '{ v[NR] = $1 } END {
  m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print m, v[1], v[NR] }'; }

# The empty model: migra needs one file; it defines nothing.
mkdir -p "$work/models/empty"
echo "-- intentionally empty" >"$work/models/empty/empty.sql"
empty="$work/models/empty"

# Whether this migra reports phase timings (`--verbose`), and where the flag goes.
verbose=()
cache_probe="$work/cache-probe"
for args in "inspect --verbose" "--verbose inspect"; do
  # shellcheck disable=SC2086
  if XDG_CACHE_HOME="$cache_probe" "$migra" $args "$empty" >/dev/null 2>"$work/probe.err" &&
     grep -q '^migra: timing: load models' "$work/probe.err"; then
    read -r -a verbose <<<"$args"
    break
  fi
done
if [[ ${#verbose[@]} -gt 0 ]]; then
  load_method="the \"load models\" phase of \`migra ${verbose[*]}\`"
else
  load_method="\`migra inspect A\` minus \`migra inspect\` of an empty model (this migra has no phase timings)"
fi
# Milliseconds of the "load models" phases in a --verbose stderr file.
load_phase_ms() { awk '/^migra: timing: load models/ { gsub(/ ms$/, ""); s += $NF; n++ }
  END { if (n) print s; else exit 1 }' "$1"; }

runs_for() { if [[ "$1" -ge 5000 ]]; then echo $(( runs / 2 > 1 ? runs / 2 : 1 )); else echo "$runs"; fi; }

# --- cluster start, cold and warm (independent of size) ---------------------------------------
start_runs="$runs"
for ((r = 1; r <= start_runs; r++)); do
  echo "cluster start: run $r/$start_runs" >&2
  cache="$work/cache-start-$r"
  timed start_cold 0 env XDG_CACHE_HOME="$cache" "$migra" inspect "$empty"
  cold=$ms
  record start_cold "$ms"
  timed start_warm 0 env XDG_CACHE_HOME="$cache" "$migra" inspect "$empty"
  record start_warm "$ms"
  record start_warm_ratio "$(ratio "$ms" "$cold")"
done

# --- per size ----------------------------------------------------------------------------------
for n in $sizes; do
  a="$work/models/$n/a"
  b="$work/models/$n/b"
  echo "size $n: generating and loading A and B ..." >&2
  "$generate" --tables "$n" --seed 1 --out "$a" >/dev/null
  "$generate" --tables "$n" --seed 1 --mutate 5 --out "$b" >/dev/null
  files_a=("$a"/*.sql)
  psql_files_a=()
  for f in "${files_a[@]}"; do psql_files_a+=(-f "$f"); done
  psql_files_b=()
  for f in "$b"/*.sql; do psql_files_b+=(-f "$f"); done
  sql "create database a_$n"
  sql "create database b_$n"
  "${psql_cmd[@]}" -1 -d "$(conn "a_$n")" "${psql_files_a[@]}" >/dev/null
  "${psql_cmd[@]}" -1 -d "$(conn "b_$n")" "${psql_files_b[@]}" >/dev/null
  url_a="$(conn "a_$n")"
  url_b="$(conn "b_$n")"

  size_runs="$(runs_for "$n")"
  for ((r = 1; r <= size_runs; r++)); do
    echo "size $n: run $r/$size_runs" >&2
    # Loading the models, on a cache whose cluster template is warm but which has never
    # seen these models.
    cache="$work/cache-load-$n-$r"
    timed warmup 0 env XDG_CACHE_HOME="$cache" "$migra" inspect "$empty"
    if [[ ${#verbose[@]} -gt 0 ]]; then
      timed load 0 env XDG_CACHE_HOME="$cache" "$migra" "${verbose[@]}" "$a"
      load_ms="$(load_phase_ms "$work/load.err")" || {
        echo "bench/run.sh: no \"load models\" timing in the output of migra ${verbose[*]} $a:" >&2
        cat "$work/load.err" >&2
        exit 1
      }
    else
      timed load 0 env XDG_CACHE_HOME="$cache" "$migra" inspect "$a"
      total=$ms
      timed load_empty 0 env XDG_CACHE_HOME="$cache" "$migra" inspect "$empty"
      load_ms="$(awk -v a="$total" -v b="$ms" 'BEGIN { print a - b }')"
    fi
    sql "create database fresh_$n"
    timed psql_load 0 "${psql_cmd[@]}" -1 -d "$(conn "fresh_$n")" "${psql_files_a[@]}"
    sql "drop database fresh_$n"
    record "load.$n" "$load_ms"
    record "psql.$n" "$ms"
    record "load_ratio.$n" "$(ratio "$load_ms" "$ms")"

    # Diffs of the live databases against pg_dump of A, all in this run.
    timed dump 0 "$bindir/pg_dump" --schema-only -f /dev/null -d "$url_a"
    dump=$ms
    record "dump.$n" "$ms"
    timed diff_ab 2 env XDG_CACHE_HOME="$work/cache-diff" "$migra" --unsafe "$url_a" "$url_b"
    diff_ab=$ms
    record "diff_ab.$n" "$ms"
    record "diff_ab_ratio.$n" "$(ratio "$ms" "$dump")"
    record "rss.$n" "$(awk -v k="$rss_kb" 'BEGIN { printf "%.1f", k / 1024 }')"
    timed diff_aa 0 env XDG_CACHE_HOME="$work/cache-diff" "$migra" --unsafe "$url_a" "$url_a"
    record "diff_aa.$n" "$ms"
    record "diff_aa_ratio.$n" "$(ratio "$ms" "$dump")"

    timed lint 0 env XDG_CACHE_HOME="$work/cache-diff" "$migra" lint "$a"
    record "lint.$n" "$ms"

    # Check: first and repeated run on one cache (cluster template warmed first).
    cache="$work/cache-check-$n-$r"
    timed warmup 0 env XDG_CACHE_HOME="$cache" "$migra" inspect "$empty"
    timed check_first 0 env XDG_CACHE_HOME="$cache" "$migra" check --models "$a" --database "$url_a"
    record "check_first.$n" "$ms"
    record "check_first_ratio.$n" "$(ratio "$ms" "$diff_ab")"
    timed check_again 0 env XDG_CACHE_HOME="$cache" "$migra" check --models "$a" --database "$url_a"
    record "check_again.$n" "$ms"
    record "check_again_ratio.$n" "$(ratio "$ms" "$diff_ab")"
  done
  sql "drop database a_$n"
  sql "drop database b_$n"
done

# --- report -------------------------------------------------------------------------------------
fmt_ms() { awk -v v="$1" 'BEGIN { printf (v >= 100 ? "%.0f ms" : "%.1f ms"), v }'; }
fmt_range_ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf (b >= 100 ? "%.0f–%.0f" : "%.1f–%.1f"), a, b }'; }
table="$work/table.md"
{
  echo "| measurement | tables | median | min–max | compared with | its median | ratio |"
  echo "|---|---:|---:|---:|---|---:|---:|"
}>"$table"
# row LABEL TABLES KEY [REF_LABEL REF_KEY RATIO_KEY] [UNIT]
row() {
  local label="$1" tables="$2" key="$3" ref_label="${4:-}" ref_key="${5:-}" ratio_key="${6:-}" unit="${7:-ms}"
  local med lo hi median range ref_median="" ratio_text=""
  read -r med lo hi < <(stats "$key")
  if [[ "$unit" == MB ]]; then
    median="$(awk -v v="$med" 'BEGIN { printf "%.1f MB", v }')"
    range="$(awk -v a="$lo" -v b="$hi" 'BEGIN { printf "%.1f–%.1f", a, b }')"
  else
    median="$(fmt_ms "$med")"
    range="$(fmt_range_ms "$lo" "$hi")"
  fi
  if [[ -n "$ref_key" ]]; then
    local rmed rlo rhi q qlo qhi
    read -r rmed rlo rhi < <(stats "$ref_key")
    ref_median="$(fmt_ms "$rmed")"
    read -r q qlo qhi < <(stats "$ratio_key")
    ratio_text="$(awk -v v="$q" 'BEGIN { printf "%.2f×", v }')"
  fi
  echo "| $label | $tables | $median | $range | $ref_label | $ref_median | $ratio_text |" >>"$table"
}
row "cluster start, cold: \`migra inspect\` of an empty model, empty cache" "–" start_cold
row "cluster start, warm: the same, second run on that cache" "–" start_warm \
  "cold start" start_cold start_warm_ratio
for n in $sizes; do row "load models into scratch" "$n" "load.$n" "\`psql -1 -f\` into a fresh database" "psql.$n" "load_ratio.$n"; done
for n in $sizes; do row "\`migra diff A B\` (live, ~5 % changed)" "$n" "diff_ab.$n" "\`pg_dump --schema-only\` A" "dump.$n" "diff_ab_ratio.$n"; done
for n in $sizes; do row "\`migra diff A A\` (live, no change)" "$n" "diff_aa.$n" "\`pg_dump --schema-only\` A" "dump.$n" "diff_aa_ratio.$n"; done
for n in $sizes; do row "peak RSS of \`migra diff A B\`" "$n" "rss.$n" "" "" "" MB; done
for n in $sizes; do row "\`migra lint\` of A's models" "$n" "lint.$n"; done
for n in $sizes; do row "\`migra check\` A's models vs live A, first run" "$n" "check_first.$n" "\`migra diff A B\`" "diff_ab.$n" "check_first_ratio.$n"; done
for n in $sizes; do row "\`migra check\`, repeated run (same cache)" "$n" "check_again.$n" "\`migra diff A B\`" "diff_ab.$n" "check_again_ratio.$n"; done

runs_note="$runs runs per size"
for n in $sizes; do
  [[ "$(runs_for "$n")" != "$runs" ]] && runs_note+=", $(runs_for "$n") for $n tables"
done
commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
[[ -n "$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null)" ]] && commit+=" (with uncommitted changes)"
stamp="$(date -u +%Y-%m-%dT%H%MZ)"
mkdir -p "$root/bench/results"
result="$root/bench/results/$stamp-${sizes// /-}.md"
{
  echo "# migra benchmark, $stamp"
  echo
  cat "$table"
  echo
  echo "Medians over $runs_note; ratios are medians of per-run ratios. Load of models measured as $load_method."
  echo
  echo "- migra commit: $commit ($(basename "$build"), Release)"
  echo "- PostgreSQL: $("$bindir/postgres" --version)"
  echo "- machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ //' || uname -m)), load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- TMPDIR: ${TMPDIR:-unset (migra puts its clusters in /dev/shm when it has room, else /tmp)}"
} >"$result"
echo
cat "$result"
echo
echo "written to ${result#"$root"/}"
