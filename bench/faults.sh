#!/usr/bin/env bash
# bench/faults.sh — the fault proofs of README "Scaling out": starts a private PostgreSQL and `./cx cluster` (two
# nodes behind HAProxy), then runs each proof with io.cxtracker.devtools.FaultLoad and writes bench/FAULTS.md.
#
#   bench/faults.sh            all proofs: throughput, race, kill, chain, session, outage, alerts, alertkill,
#                              mailkill (≈ 25–30 min on 2 cores)
#   bench/faults.sh race kill  only those (any of: throughput race kill chain session outage alerts alertkill mailkill,
#                              run in that order)
#
# Loopback only; every load is bounded in time (the kill load 40 s, the outage 15 s of a stopped database inside a
# 50 s load, each throughput run 20 s). It stops and kills only what it started: its own PostgreSQL (never the
# machine's), the cluster's process group, one node's JVM (kill -9, a child of that cluster).
# Needs: `./cx build` done; PostgreSQL's server binaries (initdb, pg_ctl: Debian's postgresql package, or any on
# PATH); haproxy (./cx cluster installs it on Debian). Settings (environment), defaults in brackets:
#   FAULTS_PORT_OFFSET [1600]   the first node's port offset (node 2: +100)
#   FAULTS_LB_PORT [9979], FAULTS_STATS_PORT [9978], FAULTS_KEYCLOAK_PORT [10143], FAULTS_PG_PORT [5499]
#   FAULTS_MAIL_PORT [3525] (the cluster's GreenMail: SMTP there, IMAP +118, its API +5000)
#   FAULTS_RESULTS [bench/FAULTS.md]
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RESULTS="${FAULTS_RESULTS:-$ROOT/bench/FAULTS.md}"
LOGS="$ROOT/bench/logs"
OFFSET=${FAULTS_PORT_OFFSET:-1600}
LB_PORT=${FAULTS_LB_PORT:-9979}
STATS_PORT=${FAULTS_STATS_PORT:-9978}
KC_PORT=${FAULTS_KEYCLOAK_PORT:-10143}
PG_PORT=${FAULTS_PG_PORT:-5499}
MAIL_PORT=${FAULTS_MAIL_PORT:-3525}
DB=cxfaults

say() { printf '\033[1m[faults]\033[0m %s\n' "$*"; }
die() { printf '\033[31m[faults] %s\033[0m\n' "$*" >&2; exit 1; }

WANTED=("$@")
[ ${#WANTED[@]} -gt 0 ] || WANTED=(throughput race kill chain session outage alerts alertkill mailkill)
for name in "${WANTED[@]}"; do
  case "$name" in throughput|race|kill|chain|session|outage|alerts|alertkill|mailkill) ;; *) die "unknown proof '$name'";; esac
done
wanted() { local n; for n in "${WANTED[@]}"; do [ "$n" = "$1" ] && return 0; done; return 1; }

export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -x "$JAVA_HOME/bin/java" ] || die "set JAVA_HOME to a JDK 21 or newer"
[ -f "$ROOT/.cx/devtools.classpath" ] && [ -d "$ROOT/it-tests/target/classes/io/cxtracker/devtools" ] \
  || die "run ./cx build first (the fault client is built with the integration tests' tools)"
CLASSPATH_DEVTOOLS="$ROOT/it-tests/target/classes:$(cat "$ROOT/.cx/devtools.classpath")"

PG_BIN=$(dirname "$(command -v pg_ctl 2>/dev/null || ls -d /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -1)")
[ -x "$PG_BIN/pg_ctl" ] && [ -x "$PG_BIN/initdb" ] || die "PostgreSQL's initdb and pg_ctl are needed (Debian: apt-get install postgresql)"
# PostgreSQL refuses to run as root: then the cluster of this script runs as the postgres user
AS_PG=""
[ "$(id -u)" = 0 ] && AS_PG="runuser -u postgres --"
as_pg() { $AS_PG "$@"; }

mkdir -p "$LOGS"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
PG_DIR=""
CLUSTER_PID=""
cleanup() {
  trap - EXIT INT TERM
  if [ -n "$CLUSTER_PID" ]; then
    say "stopping the cluster (process group $CLUSTER_PID)…"
    kill -TERM -- "-$CLUSTER_PID" 2>/dev/null || true
    for _ in $(seq 1 120); do kill -0 "$CLUSTER_PID" 2>/dev/null || break; sleep 0.5; done
  fi
  if [ -n "$PG_DIR" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" stop -m fast >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}
trap cleanup EXIT INT TERM

port_answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$PG_PORT" "$LB_PORT" "$STATS_PORT" $((8080 + OFFSET)) $((8180 + OFFSET)) "$MAIL_PORT" $((MAIL_PORT + 5000)); do
  port_answers "$port" && die "port $port is taken; set the FAULTS_* ports"
done

# ---- the private PostgreSQL: the outage proof stops and starts this one only ----
PG_DIR=$(mktemp -d /tmp/cx-faults-pg.XXXXXX)
chmod 755 "$PG_DIR"
[ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 >"$LOGS/faults-$STAMP-initdb.log" 2>&1 \
  || die "initdb failed; see $LOGS/faults-$STAMP-initdb.log"
PG_START=("$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w
  -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=200")
as_pg "${PG_START[@]}" start >/dev/null || die "the private PostgreSQL did not start; see $PG_DIR/postgres.log"
"$JAVA_HOME/bin/java" -cp "$CLASSPATH_DEVTOOLS" io.cxtracker.devtools.LocalPostgres ensure-roles \
  "jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" postgres postgres "$DB" "${DB}_owner" "${DB}_owner" "${DB}_app" "${DB}_app" >/dev/null
say "private PostgreSQL on 127.0.0.1:$PG_PORT ($PG_DIR)"

# ---- the cluster ----
CLUSTER_LOG="$LOGS/faults-$STAMP-cluster.log"
STARTED_MARK="$LOGS/faults-$STAMP-started"
touch "$STARTED_MARK"
# the alert proofs: both nodes run the rules every 20 s and send deliveries and mails every 2 s; a claim left by a
# killed node runs out after 20 s (webhooks) or 40 s (mails); the defaults (PT15M, PT10S, PT2M) would make the proofs
# wait minutes. The mail proof holds each mail to marketing's lead 10 s between the mail server's "accepted" and the
# mark (a local-mode-only fault hook), for the proof to kill its sender in between.
if wanted alerts || wanted alertkill || wanted mailkill; then
  export CX_ALERTS_EVALUATE_EVERY=PT20S CX_WEBHOOKS_SEND_EVERY=PT2S CX_WEBHOOKS_LEASE=PT20S \
    CX_MAIL_SEND_EVERY=PT2S CX_MAIL_LEASE=PT40S
  wanted mailkill && export CX_MAIL_HOLD_AFTER_SEND=PT10S CX_MAIL_HOLD_AFTER_SEND_TO=lead-marketing@cxtracker.example
fi
export CX_GREENMAIL_SMTP_PORT=$MAIL_PORT CX_GREENMAIL_IMAP_PORT=$((MAIL_PORT + 118)) CX_GREENMAIL_API_PORT=$((MAIL_PORT + 5000))
CX_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" CX_DB_USER="${DB}_app" CX_DB_PASSWORD="${DB}_app" \
  CX_DB_OWNER_USER="${DB}_owner" CX_DB_OWNER_PASSWORD="${DB}_owner" CX_PORT_OFFSET="$OFFSET" \
  CX_LB_PORT="$LB_PORT" CX_LB_STATS_PORT="$STATS_PORT" CX_KEYCLOAK_PORT="$KC_PORT" CX_RESTART_LIMIT=5 \
  setsid "$ROOT/cx" cluster > "$CLUSTER_LOG" 2>&1 &
CLUSTER_PID=$!
say "starting ./cx cluster (log $CLUSTER_LOG)…"
for _ in $(seq 1 900); do
  grep -q 'nodes ready after' "$CLUSTER_LOG" && break
  kill -0 "$CLUSTER_PID" 2>/dev/null || { tail -20 "$CLUSTER_LOG"; die "./cx cluster stopped"; }
  sleep 1
done
grep -q 'nodes ready after' "$CLUSTER_LOG" || die "the cluster was not ready within 15 min"
say "$(grep 'nodes ready after' "$CLUSTER_LOG" | sed 's/^ *//')"

node_java() { pgrep -P "$(cat "$ROOT/.cx/run/$1.pid")" java; } # the JVM under the node's standalone.sh
NODES="http://127.0.0.1:$((8080 + OFFSET)),http://127.0.0.1:$((8180 + OFFSET))"
HEALTH="http://127.0.0.1:$((9990 + OFFSET)),http://127.0.0.1:$((10090 + OFFSET))"
RUN_TAG=$(date -u +%H%M%S)
FIGURES="$LOGS/faults-$STAMP-figures.txt"
: > "$FIGURES"
STATUS=0
fault_load() { # label args… — runs FaultLoad, keeps its figures, and remembers a failed claim
  local label=$1 rc=0; shift
  say "$label…"
  "$JAVA_HOME/bin/java" -Dnode.pids="node1:$(node_java node1 || true),node2:$(node_java node2 || true)" \
      -Dnode.logs="node1:$ROOT/.cx/node1.log,node2:$ROOT/.cx/node2.log" -Dmail.api="http://127.0.0.1:$((MAIL_PORT + 5000))" -Dlb="http://127.0.0.1:$LB_PORT" -Dnodes="$NODES" -Dhealth="$HEALTH" \
      -Dstats="http://127.0.0.1:$STATS_PORT" -Dkeycloak="http://127.0.0.1:$KC_PORT" \
      -Ddb="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" -Drun="$RUN_TAG$label" \
      -cp "$CLASSPATH_DEVTOOLS" io.cxtracker.devtools.FaultLoad "$@" 2>&1 | tee -a "$LOGS/faults-$STAMP-load.log" \
    | { grep -E '^(figure|FAILED)' || true; } | sed "s/^figure /$label /" >> "$FIGURES" || rc=$?
  # pipefail: rc is FaultLoad's status (1: a claim failed); the next proof still runs
  [ "$rc" = 0 ] || { STATUS=1; say "$label: a claim failed (see $FIGURES)"; }
}
figure_of() { awk -v l="$1" -v k="$2" '$1 == l && $2 == k { print $3; exit }' "$FIGURES"; } # label name

# 1 node, 2 nodes, then both again: the machine is shared, so each side is measured twice, interleaved, and summed
if wanted throughput; then
  for round in a b; do
    fault_load "t1$round" throughput 20 8 "http://127.0.0.1:$((8080 + OFFSET))"
    fault_load "t2$round" throughput 20 8 "http://127.0.0.1:$LB_PORT"
  done
fi
wanted race && fault_load race race 20
wanted kill && fault_load kill kill 40 10 node1 "kill -9 $(node_java node1)"
wanted chain && fault_load chain chain
wanted session && fault_load session session "kill -9 \$(pgrep -P \$(cat '$ROOT/.cx/run/%s.pid') java)"
wanted outage && fault_load outage outage 8 15 "$AS_PG $PG_BIN/pg_ctl -D $PG_DIR/data stop -m fast >/dev/null" \
  "$AS_PG ${PG_START[0]} ${PG_START[1]} ${PG_START[2]} ${PG_START[3]} ${PG_START[4]} ${PG_START[5]} -o '${PG_START[7]}' start >/dev/null"
wanted outage && wanted chain && fault_load after-outage chain
if wanted alerts; then
  fault_load alerts alerts 60 4
  # both nodes' schedules ran the rules: the turns each node logged in this run (its logs since the cluster started)
  for n in node1 node2; do
    turns=$(find "$ROOT/.cx/logs" -name "$n.*.log" -newer "$STARTED_MARK" -print0 | { xargs -0 -r grep -h 'alert rules: ' || true; } | wc -l)
    echo "alerts alerts.rule_turns_logged_by_$n $turns (since the cluster started, every 20 s)" >> "$FIGURES"
  done
fi
wanted alertkill && fault_load alertkill alertkill 30
wanted mailkill && fault_load mailkill mailkill 4
# what the run command said about the killed node: the proof that it named it and started it again
DIED=$(grep -E 'died at|restarting' "$CLUSTER_LOG" | sed 's/\x1b\[[0-9;]*m//g; s/^/    /' || true)

t1=$(awk '$1 ~ /^t1/ && $2 == "throughput.operations_per_s" { s += $3 } END { if (NR) printf "%.1f", s / 2 }' "$FIGURES")
t2=$(awk '$1 ~ /^t2/ && $2 == "throughput.operations_per_s" { s += $3 } END { if (NR) printf "%.1f", s / 2 }' "$FIGURES")
ratio=""
[ -n "$t1" ] && [ -n "$t2" ] && ratio=$(awk -v a="$t1" -v b="$t2" 'BEGIN { if (a > 0) printf "%.2f", b / a }')

{
  echo "# Fault proofs (bench/faults.sh)"
  echo
  echo "Produced by \`bench/faults.sh${*:+ $*}\` on $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores: two WildFly nodes"
  echo "(\`./cx cluster\`, port offsets $OFFSET and $((OFFSET + 100))) behind HAProxy on one machine, sharing a private PostgreSQL"
  echo "$("$PG_BIN/postgres" --version | awk '{print $3}') and one Keycloak. Every figure is from this run; the raw lines are in"
  echo "\`bench/logs/faults-$STAMP-figures.txt\`. Claims that failed: $([ "$STATUS" = 0 ] && echo none || grep -c FAILED "$FIGURES")."
  echo
  echo '| proof | figure | value |'
  echo '| --- | --- | --- |'
  awk '$2 != "" { label = $1; name = $2; $1 = ""; $2 = ""; sub(/^  /, ""); printf "| %s | %s | %s |\n", label, name, $0 }' "$FIGURES" \
    | sed 's/| FAILED |/| **FAILED** |/'
  echo
  [ -n "$ratio" ] && echo "Throughput, the same mixed load (8 clients, 20 s after 5 s of warm-up, twice each, interleaved: 40 % reading batches of
20, 20 % check-ins, 40 % pages of 50 milestones): 1 node (node 1 asked directly) $t1 operations/s on average, 2 nodes
behind HAProxy $t2 operations/s — ratio **$ratio**. Both nodes, PostgreSQL,
Keycloak, HAProxy and the load generator share $(nproc) cores here (load average $(cut -d' ' -f1 /proc/loadavg) at the end),
so a second node adds no CPU, and on a machine shared with other work the spread between runs exceeds any difference
between one node and two: no scale-out factor can be read here, only that both nodes serve side by side without
errors (README \"Scaling out\")."
  echo
  [ -n "$DIED" ] && { echo "What the run command said when the node was killed:"; echo; echo "$DIED"; }
} > "$RESULTS"
say "wrote ${RESULTS#"$ROOT/"}"
exit "$STATUS"
