#!/usr/bin/env bash
# bench/run.sh — run CX Tracker's benchmarks and write bench/RESULTS.md.
#
#   bench/run.sh                 full scale, every benchmark (import, demo, export, checkin; ≈ 17–27 min on 2 cores)
#   bench/run.sh quick           smaller scale, to check that the benchmarks and this script still work (≈ 6–8 min)
#   bench/run.sh [quick] import  only the named benchmarks: import, demo, export, checkin (any of them, in that order)
#
# Every figure is a ratio against a baseline measured in the same run (the project's rule: speed and memory
# are proven by benchmarks, never by timed unit tests). Each section of RESULTS.md names the exact command that
# reproduces its figures. Settings (environment):
#   CX_IT_LOCK        lock file taken around anything that starts WildFly and Keycloak (default /tmp/cx-it.lock,
#                     so benchmarks never share the machine with another engineer's integration tests)
#   BENCH_MVN_OFFLINE 1 (default): Maven runs offline (-o) from the local repository; 0: Maven may download
#   BENCH_RESULTS     where to write the results (default bench/RESULTS.md)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LOGS="$ROOT/bench/logs"
RESULTS="${BENCH_RESULTS:-$ROOT/bench/RESULTS.md}"
LOCK="${CX_IT_LOCK:-/tmp/cx-it.lock}"

say() { printf '\033[1m[bench]\033[0m %s\n' "$*"; }
die() { printf '\033[31m[bench] %s\033[0m\n' "$*" >&2; exit 1; }

java_major() { # the feature version of the java binary given
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

# The JDK the same way ./cx chooses it: Temurin 25 when installed, else JAVA_HOME, else the first JDK 21+.
select_jdk() {
  local candidate
  if [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
  elif [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
    :
  else
    JAVA_HOME=""
    for candidate in /usr/lib/jvm/*; do
      if [ -x "$candidate/bin/javac" ] && [ "$(java_major "$candidate/bin/java")" -ge 21 ]; then
        JAVA_HOME="$candidate"; break
      fi
    done
    [ -n "$JAVA_HOME" ] || die "No JDK 21 or newer found. Install one (e.g. Temurin 25) and set JAVA_HOME."
    export JAVA_HOME
  fi
  export PATH="$JAVA_HOME/bin:$PATH"
  command -v mvn >/dev/null 2>&1 || die "Maven (mvn) is not installed."
}

MODE=full
if [ "${1:-}" = quick ] || [ "${1:-}" = full ]; then MODE=$1; shift; fi
WANTED=("$@")
[ ${#WANTED[@]} -gt 0 ] || WANTED=(import demo export checkin)
for name in "${WANTED[@]}"; do
  case "$name" in import|demo|export|checkin) ;; *) die "unknown benchmark '$name' (import, demo, export or checkin)";; esac
done
wanted() { local n; for n in "${WANTED[@]}"; do [ "$n" = "$1" ] && return 0; done; return 1; }

select_jdk
MVN=(mvn -B -ntp)
[ "${BENCH_MVN_OFFLINE:-1}" = 1 ] && MVN+=(-o)
mkdir -p "$LOGS"

# Scales. Quick mode keeps every code path (warm-up, baseline, both export scales) and only shrinks the data.
if [ "$MODE" = quick ]; then
  IMPORT_ROWS=10000; DEMO_PROFILE=demo; EXPORT_MILESTONES=100; EXPORT_REPEATS=1
else
  IMPORT_ROWS=100000; DEMO_PROFILE=benchmark; EXPORT_MILESTONES=1000; EXPORT_REPEATS=3
fi

# Benchmarks run in the reactor (-pl … -am, or domain,persistence), never against module jars in ~/.m2: other
# worktrees install theirs there under the same version. A benchmark in it-tests runs in the reactor (so the WAR
# and the provisioned server are current) under the lock, on ports of its own (WildFly +300: 8380/10290, Keycloak
# 8643): an integration test run that did not take the lock, or whose server outlived it, cannot answer in its place.
IT_PORTS="-Dcx.it.port.offset=300 -Dcx.it.http.port=8380 -Dcx.it.management.port=10290 -Dcx.it.keycloak.port=8643"
it_command() { # class, extra -D settings…
  local class=$1; shift
  echo "flock $LOCK ${MVN[*]} verify -pl it-tests -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false $IT_PORTS -Dit.test=$class $*"
}

SECTIONS=()
run_benchmark() { # name, title, what the figures mean, pattern of the result lines, command…
  local name=$1 title=$2 about=$3 pattern=$4; shift 4
  local log="$LOGS/$name.log" started=$SECONDS
  say "$title: $* (log: bench/logs/$name.log)"
  if ! (cd "$ROOT" && eval "$*") > "$log" 2>&1; then
    tail -40 "$log" >&2
    die "$title failed; see bench/logs/$name.log"
  fi
  local lines
  lines=$(grep -E "$pattern" "$log" | sed -E 's/^.*(\[(benchmark|export|demo)\])/\1/' || true)
  [ -n "$lines" ] || die "$title printed no result lines; see bench/logs/$name.log"
  printf '%s\n' "$lines"
  SECTIONS+=("$(printf '## %s\n\n%s\n\nReproduce (from the repository root; %s s in this run, any wait for the lock included):\n\n```bash\n%s\n```\n\n```\n%s\n```\n' \
      "$title" "$about" "$((SECONDS - started))" "$*" "$lines")")
}

STARTED=$SECONDS
if wanted import; then
  run_benchmark import "CSV import over HTTP vs PostgreSQL COPY and batched INSERT ($IMPORT_ROWS rows)" \
      "The same rows through POST /api/imports/… (token, parsing, validation, idempotent writes, readings summed, one
transaction) and straight into the same tables with JDBC. Ratio = import time / raw time: how many times the cheapest
write of the same rows on the same server the whole API path costs." '\[benchmark\]' \
      "$(it_command ImportBenchmark "-Dcx.bench.rows=$IMPORT_ROWS")"
fi
if wanted demo; then
  run_benchmark demo "Demo program load through the use-case services ($DEMO_PROFILE profile)" \
      "The demo program (benchmark profile: 50 departments, 2,000 milestones, 3 years of daily readings for 200
series) generated and loaded through the use-case services with audit, into a throwaway database. Baseline: the
rows it stored COPY'd raw into copies of their tables (same indexes and checks) on the same server." '\[demo\]' \
      "${MVN[*]} test -pl domain,demo,persistence -Dtest=DemoLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dcx.bench.profile=$DEMO_PROFILE"
fi
if wanted export; then
  run_benchmark export "Accountability report exports at N and 10×N (N = $EXPORT_MILESTONES milestones) and of the demo program" \
      "Issue 8, \"exports stream: memory stays flat as the data grows\". One department at N and at 10×N milestones
(3 check-ins and 10 audit records each), every format over HTTP. *time ratio* 10×N / N should be about 10 (linear);
*×raw COPY* is the export time over a raw COPY of the same rows out of PostgreSQL. *live heap*: the server's old
generation + survivors after a full GC forced while the export is paused (client not reading) at 1/4, 1/2 and 3/4 of
its bytes, i.e. what the export holds mid-stream; *live ratio* 10×N / N near 1 and *held* near 0 is the proof of
streaming (a report built in memory would hold its rows: tens of MB at 10×N). *peak heap* (sum of the heap pools'
peaks over one export after a full GC) also counts the garbage made before the next young collection, so it grows
with the allocation until the young generation is full and is the weaker figure." '\[export\]' \
      "$(it_command ExportBenchmark "-Dcx.bench.export.milestones=$EXPORT_MILESTONES -Dcx.bench.export.repeats=$EXPORT_REPEATS -Dcx.it.demo.load=true")"
fi
if wanted checkin; then
  run_benchmark checkin "A check-in while a $IMPORT_ROWS-row CSV import runs (issue 13, audit append)" \
      "A lead's check-in (POST /api/milestones/{id}/check-ins) timed with no import running, then every 250 ms while
a $IMPORT_ROWS-row survey CSV import runs in one transaction (it writes an audit record per batch); the import's own
time beside it. Audit records are appended unsealed, with no lock shared between writers, and a sealer links them
into the hash chain within seconds: the check-in should not wait for the import. (Under the earlier scheme every
append took one transaction-long lock, and the check-in waited for the whole import.)" '\[benchmark\]' \
      "$(it_command CheckInDuringImportBenchmark "-Dcx.bench.rows=$IMPORT_ROWS")"
fi

MEM_GIB=$(awk '/MemTotal/ {printf "%.1f", $2 / 1048576}' /proc/meminfo)
CPU=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
JDK=$("$JAVA_HOME/bin/java" -version 2>&1 | head -1)
PG=$(command -v psql >/dev/null 2>&1 && psql -h 127.0.0.1 -U postgres -Atc 'SHOW server_version' postgres 2>/dev/null || echo "see the logs")
{
  printf '# Benchmark results\n\n'
  printf 'Written by `bench/run.sh %s` on %s (%s s). Every figure is measured in this run; ratios compare\n' \
      "$MODE${WANTED:+ ${WANTED[*]}}" "$(date -u '+%Y-%m-%d %H:%M UTC')" "$((SECONDS - STARTED))"
  printf 'against a baseline measured in the same run, so they carry over to other machines better than the times.\n\n'
  printf '| | |\n| --- | --- |\n'
  printf '| commit | `%s`%s |\n' "$(git -C "$ROOT" rev-parse --short HEAD)" "$(git -C "$ROOT" diff --quiet HEAD -- . ':!bench/RESULTS.md' || echo ' (with uncommitted changes)')"
  printf '| CPUs (nproc) | %s (%s), shared with other work |\n' "$(nproc)" "$CPU"
  printf '| RAM | %s GiB |\n' "$MEM_GIB"
  printf '| JDK | %s (`%s`) |\n' "$JDK" "$JAVA_HOME"
  printf '| PostgreSQL | %s on 127.0.0.1:5432 (when it answers; else the embedded one) |\n' "$PG"
  printf '| Maven | %s |\n\n' "$(mvn -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g')"
  for section in "${SECTIONS[@]}"; do printf '%s\n\n' "$section"; done
} > "$RESULTS"
say "results in ${RESULTS#"$ROOT"/} after $((SECONDS - STARTED)) s"
