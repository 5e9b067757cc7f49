#!/usr/bin/env bash
# bench/run.sh — run CX Tracker's benchmarks and write bench/RESULTS.md.
#
#   bench/run.sh [full]          full scale, every benchmark (≈ 35–50 min on 2 cores)
#   bench/run.sh quick           a smoke of every benchmark's code path at a small scale in ONE server start and one
#                                deployment, no timing asserted (< 2 min once the modules are built on an idle machine;
#                                CI: BENCH_BUILD=0 bench/run.sh quick); every line of bench/logs/*.log starts with its time
#   bench/run.sh [mode] NAME…    only the named benchmarks, in this order: dashboards, load, growth, ingest (alias
#                                import), demo, export, checkin, asof, alerts, boardpack, paint, faults (the last five
#                                assert their issue's goal and run only in full mode or when named; faults runs
#                                bench/faults.sh, two nodes behind HAProxy, ≈ 20 min, and copies its figures here)
#
# Every figure is a ratio against a baseline measured in the same run (the project's rule: speed and memory
# are proven by benchmarks, never by timed unit tests). Each section of RESULTS.md names the exact command that
# reproduces its figures. Settings (environment):
#   CX_IT_LOCK        lock file taken around anything that starts WildFly and Keycloak (default /tmp/cx-it.lock,
#                     so benchmarks never share the machine with another engineer's integration tests)
#   BENCH_MVN_OFFLINE 1 (default): Maven runs offline (-o) from the local repository; 0: Maven may download
#   BENCH_BUILD       1 (default): the it-tests benchmarks build their modules in the reactor (-am); 0: they use the
#                     modules the last `mvn install` put in the local repository (CI, right after its build)
#   BENCH_MAVEN_ARGS  more Maven arguments, e.g. -Dmaven.repo.local=…
#   BENCH_IT_PORT_OFFSET  the it-tests benchmarks' port offset (default 300: WildFly 8380/10290, Keycloak 8643), so a
#                     run can share the machine with a test run of its own ports (./cx test's smoke uses the default)
#   BENCH_RESULTS     where to write the results (default bench/RESULTS.md; quick: bench/logs/RESULTS-quick.md)
#   BENCH_NOTE        a sentence for the header, e.g. what else ran on the machine
#   BENCH_UPDATE      1: re-run only the named benchmarks and replace their sections of RESULTS.md, keeping every
#                     other section as the run that wrote it left it, marked with that run's commit (the header lists
#                     those runs); default 0
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
ALL=(dashboards load growth ingest demo export checkin asof alerts boardpack paint faults)
QUICK_ALL=(dashboards load growth ingest demo export checkin)
WANTED=()
for name in "$@"; do
  [ "$name" = import ] && name=ingest
  case " ${ALL[*]} " in *" $name "*) WANTED+=("$name");; *) die "unknown benchmark '$name' (${ALL[*]})";; esac
done
if [ ${#WANTED[@]} -eq 0 ]; then
  # quick is a smoke of the it-tests benchmarks in one server start; the others assert their own goals and need
  # the benchmark program, so they run in full mode (or by name)
  if [ "$MODE" = quick ]; then WANTED=("${QUICK_ALL[@]}"); else WANTED=("${ALL[@]}"); fi
fi
wanted() { local n; for n in "${WANTED[@]}"; do [ "$n" = "$1" ] && return 0; done; return 1; }
[ "$MODE" = quick ] && RESULTS="${BENCH_RESULTS:-$LOGS/RESULTS-quick.md}"

select_jdk
MVN=(mvn -B -ntp)
[ "${BENCH_MVN_OFFLINE:-1}" = 1 ] && MVN+=(-o)
# shellcheck disable=SC2206 # more Maven arguments, split on blanks like a command line
[ -n "${BENCH_MAVEN_ARGS:-}" ] && MVN+=(${BENCH_MAVEN_ARGS})
mkdir -p "$LOGS"

# The load generator: autocannon (npm), installed once under bench/.tools, a second process on loopback that sends
# requests at a fixed rate and corrects its latencies for coordinated omission.
AUTOCANNON_VERSION=9.0.0
AUTOCANNON="$ROOT/bench/.tools/node_modules/autocannon/autocannon.js"
ensure_autocannon() {
  [ -f "$AUTOCANNON" ] && return 0
  command -v npm >/dev/null 2>&1 || die "the load benchmark needs Node.js and npm (apt-get install nodejs npm)"
  say "installing autocannon $AUTOCANNON_VERSION into bench/.tools"
  # --prefer-offline: a fresh clone on a machine that installed it before takes it from npm's cache (no metadata round trips)
  npm install --no-audit --no-fund --silent --prefer-offline --prefix "$ROOT/bench/.tools" "autocannon@$AUTOCANNON_VERSION" >/dev/null \
    || die "could not install autocannon"
}

# Scales. Quick mode keeps every code path (warm-up, baselines, plans, a load step, the growth steps, both export
# scales) and shrinks the data, the repeats and the durations; full mode is what RESULTS.md reports.
# (quick: the export samples the live heap at one pause of 0.1 s instead of three of 0.5 s, each sample a full GC)
if [ "$MODE" = quick ]; then
  IMPORT_ROWS=2000; DEMO_PROFILE=demo; EXPORT_MILESTONES=20; EXPORT_REPEATS=1; EXPORT_PAUSES=1; EXPORT_PAUSE_MS=100
  DASHBOARD_REPEATS=5; DASHBOARD_WARMUP=3; LOAD_RATES=50; LOAD_SECONDS=2; GROWTH_FACTORS=2,4
else
  IMPORT_ROWS=100000; DEMO_PROFILE=benchmark; EXPORT_MILESTONES=1000; EXPORT_REPEATS=3; EXPORT_PAUSES=3; EXPORT_PAUSE_MS=500
  DASHBOARD_REPEATS=30; DASHBOARD_WARMUP=200; LOAD_RATES=50,100,200,400; LOAD_SECONDS=15; GROWTH_FACTORS=4,16
fi

# Benchmarks run in the reactor (-pl … -am, or domain,persistence), never against module jars in ~/.m2: other
# worktrees install theirs there under the same version (BENCH_BUILD=0 opts out where only one tree installs, as in
# CI). A benchmark in it-tests runs under the lock, on ports of its own (WildFly +300: 8380/10290, Keycloak
# 8643): an integration test run that did not take the lock, or whose server outlived it, cannot answer in its place.
IT_OFFSET=${BENCH_IT_PORT_OFFSET:-300}
IT_PORTS="-Dcx.it.port.offset=$IT_OFFSET -Dcx.it.http.port=$((8080 + IT_OFFSET)) -Dcx.it.management.port=$((9990 + IT_OFFSET)) -Dcx.it.keycloak.port=$((8343 + IT_OFFSET))"
AM="-am"
[ "${BENCH_BUILD:-1}" = 0 ] && AM=""
it_command() { # classes (comma-separated), extra -D settings…
  local classes=$1; shift
  echo "flock $LOCK ${MVN[*]} verify -pl it-tests $AM -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false $IT_PORTS -Dit.test=$classes $*"
}

SECTIONS=()
FAILED=()
# BENCH_UPDATE=1: the sections of the earlier RESULTS.md with the commit of the run that wrote each, and what each of
# those runs was; a section this run writes again replaces the earlier one of the same title
EARLIER_TITLES=()
EARLIER_SECTIONS=()
EARLIER_ORIGINS=()
declare -A RUN_OF=()
KEPT=' (kept from the run at `'
if [ "${BENCH_UPDATE:-0}" = 1 ] && [ -f "$RESULTS" ]; then
  earlier_commit=$(awk -F'`' '/^\| commit \|/ { print $2; exit }' "$RESULTS")
  RUN_OF[$earlier_commit]=$(awk '/^Written by / { sub(/^Written by /, ""); sub(/\. Every figure.*$/, ""); print; exit }' "$RESULTS")
  # the runs an earlier update named: "- at `C`: what" lines (a first update's file said "at commit C." in one line)
  legacy_commit=$(awk '/^sections marked \*kept from the earlier run\*/ { if (match($0, /at commit [0-9a-f]+\./)) print substr($0, RSTART + 10, RLENGTH - 11) }' "$RESULTS")
  [ -z "$legacy_commit" ] || RUN_OF[$legacy_commit]=$(sed -n 's/^sections marked \*kept from the earlier run\* are as the earlier run wrote them: \(.*\) at commit [0-9a-f]*\.$/\1/p' "$RESULTS")
  while IFS= read -r line; do
    RUN_OF[$(cut -d'`' -f2 <<< "$line")]=$(sed 's/^- at `[0-9a-f]*`: //' <<< "$line")
  done < <(grep -E '^- at `[0-9a-f]+`: ' "$RESULTS" || true)
  while IFS= read -r -d '' chunk; do
    first=$(head -1 <<< "$chunk")
    origin=$earlier_commit
    if [[ $first == *"$KEPT"*'`)' ]]; then
      origin=${first##*"$KEPT"}; origin=${origin%'`)'}; first=${first%"$KEPT"*}
    elif [[ $first == *' (kept from the earlier run)' ]]; then
      origin=$legacy_commit; first=${first% (kept from the earlier run)}
    fi
    EARLIER_TITLES+=("${first#\#\# }")
    EARLIER_ORIGINS+=("$origin")
    EARLIER_SECTIONS+=("$(printf '%s\n%s' "$first" "$(sed -e 1d -e :a -e '/^\n*$/{$d;N;ba' -e '}' <<< "$chunk")")")
  done < <(awk 'BEGIN { n = 0 } /^## / { if (n++) printf "%c", 0 } n { print } END { if (n) printf "%c", 0 }' "$RESULTS")
fi
LOG=""; COMMAND=""; TOOK=0; RUN_OK=1
stamp() { # each line with the time it came (HH:MM:SS, the machine's zone): where a run's time goes, read from its log
  local line
  while IFS= read -r line || [ -n "$line" ]; do printf '%(%T)T %s\n' -1 "$line"; done
}
run() { # log name, what, command: runs it, its output in bench/logs/NAME.log
  local name=$1 what=$2; shift 2
  LOG="$LOGS/$name.log"; COMMAND="$*"
  local started=$SECONDS
  say "$what: $* (log: bench/logs/$name.log)"
  RUN_OK=1
  if ! (cd "$ROOT" && eval "$*") 2>&1 | stamp > "$LOG"; then
    # the next benchmarks still run; what this one printed before failing is kept, marked, and the script fails
    tail -40 "$LOG" >&2
    printf '\033[31m[bench] %s failed; see bench/logs/%s.log\033[0m\n' "$what" "$name" >&2
    RUN_OK=0; FAILED+=("$what")
  fi
  TOOK=$((SECONDS - started))
}
section() { # title, what the figures mean, pattern of the result lines (from the last run's log)
  local title=$1 about=$2 pattern=$3 lines
  lines=$(grep -E "$pattern" "$LOG" | sed -E 's/^.*(\[(benchmark|ingest|export|demo|dashboards|plan|load|growth|growth-detail|as-of|alerts|board-pack-bench|first-paint)\])/\1/' || true)
  [ "$RUN_OK" = 1 ] || lines="${lines:+$lines
}(the run FAILED before its end: see ${LOG#"$ROOT"/})"
  if [ -z "$lines" ]; then
    FAILED+=("$title: no result lines"); lines="(no result lines: see ${LOG#"$ROOT"/})"
  fi
  printf '%s\n' "$lines"
  SECTIONS+=("$(printf '## %s\n\n%s\n\nReproduce (from the repository root; the run took %s s, any wait for the lock included):\n\n```bash\n%s\n```\n\n```\n%s\n```\n' \
      "$title" "$about" "$TOOK" "$COMMAND" "$lines")")
  write_results "still running: the sections below are those finished so far"
}

INGEST_TITLE="Ingestion over HTTP vs PostgreSQL COPY and multi-row INSERT ($IMPORT_ROWS rows)"
INGEST_ABOUT="The same rows through POST /api/imports/… (token, CSV parsing, validation, idempotent writes with per-row
outcomes, readings summed from the answers, audit, one transaction) and straight into the same tables over JDBC, like
with like: COPY (the physical limit; the import itself COPYs each batch's new rows — a batch whose 16 probed keys are
all new at once, else after one statement asks which of its keys are stored — and falls back to INSERT … ON CONFLICT
only when a racing import took a key meanwhile) and
multi-row INSERT … ON CONFLICT DO NOTHING RETURNING of 500 rows per statement (the import's way of writing before).
The single-row batched INSERT of earlier results is kept only as a reference. Ratio = import time / raw time; goal
≤ 2× COPY."
DASHBOARDS_ABOUT="One request at a time, as an executive (token of the IT realm), after $DASHBOARD_WARMUP untimed requests per read
(and as many runs of its SQL): the program dashboard,
the department dashboard (the accountability view's roll-up and its targets), the accountability view's first page of
50 milestones and a year of one series by day. Baseline: hand-written SQL over JDBC on the same PostgreSQL in the same
run that reads every input of the same numbers (milestones with initiative, phase and department; linked targets; each
target's readings summed per day over its windows; the department's targets' windows; the count), every row fetched.
The SQL cannot apply the domain's rules (RAG, forecasts, status derivation), so *ratio* = HTTP p50 / SQL p50 is the
price of those rules, the API and JSON over the bare reads; goal ≤ 1.5, HTTP p95 < 300 ms. Each node keeps today's
dashboards, milestone pages and metric trends in a read cache validated against the database on every request:
*unchanged data (validated cache)* is a repeated GET with nothing changed (one validation statement, the kept result),
*after a change (computed)* commits a small write before each request (a status override on one milestone set or
lifted, not timed; any committed write to what the reads read makes every kept read be computed again), so the read is
computed and written again. The plans of the queries that read the readings follow the table."
LOAD_ABOUT="The same four reads at fixed request rates from a second process on loopback (autocannon $AUTOCANNON_VERSION,
open loop with latencies corrected for coordinated omission), one rate after the other; *sent/s* is what it managed to
send. Goal: p99 < 50 ms at 200 req/s for the milestone page and the series, < 150 ms for the dashboards. The knee is
the first rate whose p99 passes 500 ms. The load generator shares the 2 cores with WildFly, PostgreSQL and Keycloak."
GROWTH_ABOUT="The same program, targets and windows with the readings multiplied by $GROWTH_FACTORS (each reading copied into
more channels of the same day, so every window sums k times the rows, and the plan stays the same). The time ratio
per step equal to the readings' ratio means linear; the goal for the dashboards is clearly below (sub-linear)."

MEM_GIB=$(awk '/MemTotal/ {printf "%.1f", $2 / 1048576}' /proc/meminfo)
CPU=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
JDK=$("$JAVA_HOME/bin/java" -version 2>&1 | head -1)
PG=$(command -v psql >/dev/null 2>&1 && psql -h 127.0.0.1 -U postgres -Atc 'SHOW server_version' postgres 2>/dev/null || echo "see the logs")
write_results() { # after every benchmark, so that an interrupted run still leaves what it measured
{
  printf '# Benchmark results\n\n'
  printf 'Written by `bench/run.sh %s` on %s (%s s; %s). Every figure is measured in the run that wrote its section;\n' \
      "$MODE ${WANTED[*]}" "$(date -u '+%Y-%m-%d %H:%M UTC')" "$((SECONDS - STARTED))" "${1:-complete}"
  printf 'ratios compare against a baseline measured in that same run, so they carry over to other machines better than\n'
  printf 'the times.\n\n'
  printf '| | |\n| --- | --- |\n'
  printf '| commit | `%s`%s |\n' "$(git -C "$ROOT" rev-parse --short HEAD)" "$(git -C "$ROOT" diff --quiet HEAD -- . ':!bench/RESULTS.md' ':!bench/FAULTS.md' || echo ' (with uncommitted changes)')"
  printf '| CPUs (nproc) | %s (%s), shared with other work |\n' "$(nproc)" "$CPU"
  printf '| RAM | %s GiB |\n' "$MEM_GIB"
  printf '| JDK | %s (`%s`) |\n' "$JDK" "$JAVA_HOME"
  printf '| PostgreSQL | %s on 127.0.0.1:5432 (when it answers; else the embedded one) |\n' "$PG"
  printf '| server heap (integration tests, arquillian.xml) | `%s` |\n' "$(grep -o -- '-Xm[sx][0-9]*[mg]' "$ROOT/it-tests/src/test/resources/arquillian.xml" | tr '\n' ' ' | sed 's/ $//')"
  printf '| load on the machine at the start (1/5/15 min) | %s; other engineers may share it%s |\n' "$LOAD_AT_START" "${BENCH_NOTE:+: $BENCH_NOTE}"
  printf '| Maven | %s |\n\n' "$(mvn -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g')"
  printf 'The fault proofs (node killed mid-write, database outage, concurrent edits across nodes, the audit chain across\n'
  printf 'nodes, 1- against 2-node throughput) are written by `bench/faults.sh` into [FAULTS.md](FAULTS.md), with what\n'
  printf 'the run command said; the section "Fault proofs" below copies their figures from the run it names.\n\n'
  # in the earlier order, a section of this run in place of the earlier one of its title; then this run's new ones
  local i j title section written=" " body="" origins=" "
  for i in "${!EARLIER_SECTIONS[@]}"; do
    title=${EARLIER_TITLES[$i]}
    section=""
    for j in "${!SECTIONS[@]}"; do
      [ "$(head -1 <<< "${SECTIONS[$j]}")" = "## $title" ] && { section=${SECTIONS[$j]}; written+="$j "; }
    done
    if [ -z "$section" ]; then
      section=$(sed "1s/\$/$KEPT${EARLIER_ORIGINS[$i]}\`)/" <<< "${EARLIER_SECTIONS[$i]}")
      case "$origins" in *" ${EARLIER_ORIGINS[$i]} "*) ;; *) origins+="${EARLIER_ORIGINS[$i]} ";; esac
    fi
    body+=$(printf '%s\n\n' "$section")$'\n\n'
  done
  for j in "${!SECTIONS[@]}"; do
    case "$written" in *" $j "*) ;; *) body+=$(printf '%s\n\n' "${SECTIONS[$j]}")$'\n\n';; esac
  done
  if [ "$origins" != " " ]; then
    printf 'Updated (BENCH_UPDATE=1): this run wrote again the sections of the benchmarks it names, in their places; a\n'
    printf 'section marked *kept from the run at* a commit is as that run wrote it. The runs whose sections are kept:\n\n'
    for j in $origins; do printf -- '- at `%s`: %s\n' "$j" "${RUN_OF[$j]:-(not named in the earlier file)}"; done
    printf '\n'
  fi
  printf '%s' "$body"
} > "$RESULTS"
}

STARTED=$SECONDS
LOAD_AT_START=$(cut -d" " -f1-3 /proc/loadavg)
if [ "$MODE" = quick ]; then
  # one server start for every it-tests benchmark: the demo program loaded, small scales
  classes=()
  wanted ingest && classes+=(ImportBenchmark)
  { wanted dashboards || wanted load || wanted growth; } && classes+=(DashboardBenchmark)
  wanted export && classes+=(ExportBenchmark)
  wanted checkin && classes+=(CheckInDuringImportBenchmark)
  parts=$(for n in dashboards load growth; do if wanted "$n"; then printf '%s,' "$n"; fi; done)
  wanted load && ensure_autocannon
  if [ ${#classes[@]} -gt 0 ]; then
    # one deployment shared by the classes (SharedDeployment): a redeployment per class cost more than most benchmarks
    run quick "every it-tests benchmark, quick" "$(it_command "$(IFS=,; echo "${classes[*]}")" \
        "-Dcx.it.deployment.shared=true -Dcx.it.demo.load=true -Dcx.it.demo.profile=demo -Dcx.bench.rows=$IMPORT_ROWS -Dcx.bench.parts=${parts%,}" \
        "-Dcx.bench.dashboard.repeats=$DASHBOARD_REPEATS -Dcx.bench.dashboard.warmup=$DASHBOARD_WARMUP -Dcx.bench.load.rates=$LOAD_RATES -Dcx.bench.load.seconds=$LOAD_SECONDS -Dcx.bench.growth.factors=$GROWTH_FACTORS" \
        "-Dcx.bench.autocannon=$AUTOCANNON -Dcx.bench.export.milestones=$EXPORT_MILESTONES -Dcx.bench.export.repeats=$EXPORT_REPEATS" \
        "-Dcx.bench.export.pauses=$EXPORT_PAUSES -Dcx.bench.export.pause.ms=$EXPORT_PAUSE_MS")"
    wanted ingest && section "$INGEST_TITLE" "$INGEST_ABOUT" '\[ingest\]'
    wanted dashboards && section "Dashboards against hand-written SQL (demo profile)" "$DASHBOARDS_ABOUT" '\[(dashboards|plan)\]'
    wanted load && section "Reads under fixed-rate load" "$LOAD_ABOUT" '\[load\]'
    wanted growth && section "How cost grows with the readings" "$GROWTH_ABOUT" '\[growth\]'
    wanted export && section "Accountability report exports (quick)" "See the full run." '\[export\]'
    wanted checkin && section "A check-in during an import (quick)" "See the full run." '\[benchmark\]'
  fi
  if wanted demo; then
    run demo "demo load, quick" "${MVN[*]} test -pl domain,demo,persistence -Dtest=DemoLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dcx.bench.profile=$DEMO_PROFILE"
    section "Demo program load (quick)" "See the full run." '\[demo\]'
  fi
else
  if wanted dashboards || wanted load || wanted growth; then
    parts=$(for n in dashboards load growth; do if wanted "$n"; then printf '%s,' "$n"; fi; done)
    wanted load && ensure_autocannon
    run dashboards "dashboards, load and growth ($DEMO_PROFILE profile)" "$(it_command DashboardBenchmark \
        "-Dcx.it.demo.load=true -Dcx.it.demo.profile=$DEMO_PROFILE -Dcx.bench.parts=${parts%,}" \
        "-Dcx.bench.dashboard.repeats=$DASHBOARD_REPEATS -Dcx.bench.dashboard.warmup=$DASHBOARD_WARMUP -Dcx.bench.load.rates=$LOAD_RATES -Dcx.bench.load.seconds=$LOAD_SECONDS -Dcx.bench.growth.factors=$GROWTH_FACTORS" \
        "-Dcx.bench.autocannon=$AUTOCANNON")"
    wanted dashboards && section "Dashboards against hand-written SQL ($DEMO_PROFILE profile)" "$DASHBOARDS_ABOUT" '\[(dashboards|plan)\]'
    wanted load && section "Reads under fixed-rate load ($DEMO_PROFILE profile)" "$LOAD_ABOUT" '\[load\]'
    wanted growth && section "How cost grows with the readings ($DEMO_PROFILE profile)" "$GROWTH_ABOUT" '\[growth\]'
  fi
  if wanted ingest; then
    run ingest "ingestion" "$(it_command ImportBenchmark "-Dcx.bench.rows=$IMPORT_ROWS")"
    section "$INGEST_TITLE" "$INGEST_ABOUT" '\[ingest\]'
  fi
  if wanted demo; then
    run demo "demo load" "${MVN[*]} test -pl domain,demo,persistence -Dtest=DemoLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dcx.bench.profile=$DEMO_PROFILE"
    section "Demo program load through the use-case services ($DEMO_PROFILE profile)" \
        "The demo program (benchmark profile: 50 departments, 2,000 milestones, 3 years of daily readings for 200
series) generated and loaded through the use-case services with audit, into a throwaway database. Baseline: the
rows it stored COPY'd raw into copies of their tables (same indexes and checks) on the same server." '\[demo\]'
  fi
  if wanted export; then
    run export "exports" "$(it_command ExportBenchmark "-Dcx.bench.export.milestones=$EXPORT_MILESTONES -Dcx.bench.export.repeats=$EXPORT_REPEATS -Dcx.it.demo.load=true")"
    section "Accountability report exports at N and 10×N (N = $EXPORT_MILESTONES milestones) and of the demo program" \
        "Issue 8, \"exports stream: memory stays flat as the data grows\". One department at N and at 10×N milestones
(3 check-ins and 10 audit records each), every format over HTTP. *time ratio* 10×N / N should be about 10 (linear);
*×raw COPY* is the export time over a raw COPY of the same rows out of PostgreSQL. *live heap*: the server's old
generation + survivors after a full GC. For CSV and PDF it is sampled while the export is paused (client not reading)
at 1/4, 1/2 and 3/4 of its bytes, i.e. what the export holds mid-stream; *live ratio* 10×N / N near 1 and *held* near 0
is the proof of streaming. XLSX writes its workbook only once it is complete (the first byte comes after the build), so
a pause in the download would sample after the build: for XLSX the live heap is sampled by a poller every 200 ms from
the request's start until its first byte arrives, i.e. during the build. *peak heap* (sum of the heap pools' peaks
over one export after a full GC) also counts the garbage made before the next young collection, so it grows with the
allocation until the young generation is full and is the weaker figure." '\[export\]'
  fi
  if wanted checkin; then
    run checkin "check-in during an import" "$(it_command CheckInDuringImportBenchmark "-Dcx.bench.rows=$IMPORT_ROWS")"
    section "A check-in while a $IMPORT_ROWS-row CSV import runs (issue 13, audit append)" \
        "A lead's check-in (POST /api/milestones/{id}/check-ins) timed with no import running, then every 250 ms while
a $IMPORT_ROWS-row survey CSV import runs in one transaction (it writes an audit record per batch); the import's own
time beside it. Audit records are appended unsealed, with no lock shared between writers, and a sealer links them
into the hash chain within seconds: the check-in should not wait for the import." '\[benchmark\]'
  fi
  if wanted asof; then
    run asof "dashboards as of a past instant" "$(it_command AsOfBenchmark)"
    section "Dashboards as of a past instant against today's (issue 15)" \
        "The program dashboard read as of an instant before a program's later check-ins, overrides, target edits and late
readings (the plan history of V15 and the readings as received then), and as of now, against today's dashboard in the
same run on the same program. Goal: as-of < 2x today's dashboard time. Then the store the as-of reads rest on: the
plan state of the same 2,000 milestones as known at the same instant read from the history tables (V15, one row per
milestone) against a replay of the audit trail's snapshots of them (every record up to the instant, laid over one
another), both over JDBC." '\[as-of\]'
  fi
  if wanted alerts; then
    run alerts "every alert rule over the $DEMO_PROFILE program" "${MVN[*]} test -pl domain,demo,persistence -Dtest=AlertRulesBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dcx.bench.profile=$DEMO_PROFILE"
    section "Evaluating every alert rule over the $DEMO_PROFILE program (issue 14)" \
        "Every rule (check-in due, due soon and overdue, targets turned amber/red/no data, forecast now missing, commitments
overdue, the weekly digest) evaluated over the whole program and stored once per (rule, subject, audience, period): a first
evaluation, then a second one that stores nothing new; baseline: a raw read of the tables the rules look at. Goal < 5 s." '\[alerts\]'
  fi
  if wanted boardpack; then
    run boardpack "board pack of the demo program" "$(it_command BoardPackBenchmark "-Dcx.it.demo.load=true")"
    section "Board pack of the demo program's current quarter, PPTX and PDF (issue 15)" \
        "The quarterly board pack built over HTTP as of today (median of 3 after a warm-up) in both formats; baseline: the
accountability report PDF of the same quarter in the same run. Goal: < 10 s in both formats." '\[board-pack-bench\]'
  fi
  if wanted paint; then
    run paint "first paint on the benchmark program" "$(it_command FirstPaintBenchmark "-Dcx.it.demo.load=true -Dcx.it.demo.profile=benchmark -Dcx.it.keycloak.startup.seconds=1200")"
    section "First paint in headless Chromium on the benchmark program (issue 17)" \
        "Sign-in (Keycloak form submitted) to the department view's first milestone row, median of 5; every view from
sign-in and warm; no error notification, no grid fetching all rows. Goal < 1 s for the department view." '\[first-paint\]'
  fi
  if wanted faults; then
    # under the lock, like every benchmark that starts WildFly: a cluster sharing 2 cores with a test run proves nothing
    run faults "fault proofs on two nodes" "./cx build && flock $LOCK bench/faults.sh"
    # the figures are FAULTS.md's table and its throughput paragraph, written by the run just made
    LOG="$ROOT/bench/FAULTS.md"
    section "Fault proofs: two nodes behind HAProxy (issue 16)" \
        "bench/faults.sh starts \`./cx cluster\` (two WildFly nodes, HAProxy, one Keycloak, a PostgreSQL of its own) and
proves, each under load: acknowledged writes survive a node's kill -9 exactly once (kill.*), the session moves to the
other node (session.*), a database outage is answered by 503 problems quickly and recovers (outage.*), concurrent edits
of one milestone across nodes give one 201 and 409/412 for the rest (race.*), the audit chain has no gap across nodes
(chain.*, after-outage), and 1- against 2-node throughput (t1*/t2*). Column 1 names the proof, 2 the figure, 3 its
value; bench/FAULTS.md has the same table with the run command's own words." \
        '^\| (t[12][ab]|race|kill|chain|session|outage|after-outage) \||^(Throughput|behind HAProxy|Produced by)'
  fi
fi

write_results "${FAILED[*]:+FAILED: ${FAILED[*]}}"
[ ${#FAILED[@]} -eq 0 ] || die "failed: ${FAILED[*]}; results so far in ${RESULTS#"$ROOT"/}"
say "results in ${RESULTS#"$ROOT"/} after $((SECONDS - STARTED)) s"
