#!/usr/bin/env bash
# Measures what N deploy/undeploy cycles of the WAR leave behind in one WildFly: after the last undeploy and a full
# GC, how many copies of the application's classes are still loaded (each copy is a deployment class loader that
# something still holds) and how much heap is in use. A server that releases its deployments keeps 0 copies.
#
#   scripts/redeploy-leak-check.sh [cycles]          (default 5)
#
# Needs the provisioned server and WAR (mvn install -DskipTests -pl ui -am) and PostgreSQL on 127.0.0.1:5432
# (superuser postgres/postgres; a database of its own is created and dropped). No Keycloak is needed: the OIDC
# provider is contacted at the first sign-in only. Settings: CX_LEAK_PORT_OFFSET (default 600),
# CX_LEAK_JAVA_OPTS (added to the server JVM's options), CX_LEAK_SETTLE (seconds idle before the last count, default 75),
# CX_LEAK_HEAP_DUMP=1 to write a heap dump of the end state beside the log (for a heap analyser).
#
# Found and fixed (issue 18): Elytron's static SecurityDomain.CLASS_LOADER_DOMAIN_MAP kept every undeployed copy
# (ui/.../security/SecurityDomainRelease); the sealer's cancelled 60-second task kept the last one for up to a minute
# (now one 1-second task); and Jackson 2's default buffer pool, a ThreadLocal<SoftReference<BufferRecycler>>, kept one
# copy per cycle in the thread-local map of each Undertow worker that had read or written JSON (BufferRecycler is a
# class of the WAR's jackson-core, so the value held the WAR's class loader). That last holder hides from a plain
# heap-path search: the referent of a SoftReference is not a strong edge, so HeapPaths called those copies
# "unreachable", yet a System.gc() full GC keeps a soft referent used in the last ~1 s per free MiB of heap (G1's
# SoftRefLRUPolicyMSPerMB=1000: many minutes with a 1 GiB heap), so they stayed loaded and the heap grew until the
# heap or metaspace ran short. `java scripts/HeapPaths.java dump.hprof io.cxtracker.ui.AppShell soft` follows soft
# referents and showed all 3 copies held by "default task-2".threadLocals -> SoftReference -> BufferRecycler. Fixed:
# every Jackson 2 factory of the WAR uses a pool of its own classes (api/.../shared/JsonFactories).
#
# Figures (3 cycles, CX_LEAK_SETTLE=10 CX_LEAK_HEAP_DUMP=1 scripts/redeploy-leak-check.sh 3; heap in use after
# 3 x jcmd GC.run):
#   before the Jackson fix:                          copies 1, 2, 3, then 3 after idle; heap 97, 139, 181, 182 MiB
#   same WAR, CX_LEAK_JAVA_OPTS=-XX:SoftRefLRUPolicyMSPerMB=0 (soft refs cleared at each GC):
#                                                    copies 1, 1, 1, 1;                 heap 88, 88, 88, 88 MiB
#   after the Jackson fix, default JVM options:      copies 1, 1, 1, 1;                 heap 96, 96, 97, 98 MiB
#   after the fix, 5 cycles and 75 s idle (scripts/redeploy-leak-check.sh 5):
#                                                    copies 1, 1, 1, 1, 1, 1;           heap 97 MiB each time (33 before)
# The one copy left is the last deployment, held by an idle Undertow worker's frame (EnhancedQueueExecutor$Task ->
# HttpServerExchange -> ServletInitialHandler -> DeploymentInfo.classLoader) until that worker runs another request:
# server behaviour, at most one copy per idle worker, not a growth per cycle.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CYCLES="${1:-5}"
OFFSET="${CX_LEAK_PORT_OFFSET:-600}"
HTTP=$((8080 + OFFSET)); MANAGEMENT=$((9990 + OFFSET))
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"; export JAVA_HOME
WORK="$ROOT/ui/target/leak-check"
SERVER="$WORK/server"
WAR="$ROOT/ui/target/cxtracker.war"
DB="cx_leak_$$"
PROBE_CLASS="io.cxtracker.ui.AppShell"

[ -f "$WAR" ] || { echo "no $WAR: build it first (mvn install -DskipTests -pl ui -am)" >&2; exit 2; }
rm -rf "$WORK"; mkdir -p "$WORK/key"
cp -r "$ROOT/ui/target/server" "$SERVER"
rm -rf "$SERVER"/standalone/deployments/*.war* "$SERVER"/standalone/data "$SERVER"/standalone/tmp "$SERVER"/standalone/log

psql_admin() { PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -d postgres -qAtc "$1"; }
psql_admin "CREATE DATABASE $DB"
PID=""
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  psql_admin "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true
}
trap cleanup EXIT

export CX_MODE=local CX_DEMO_LOAD=false CX_AUDIT_LOCAL_KEY_DIR="$WORK/key"
export CX_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" CX_DB_USER=postgres CX_DB_PASSWORD=postgres
export CX_OIDC_PROVIDER_URL="http://127.0.0.1:1/realms/cxtracker"
LAUNCH_JBOSS_IN_BACKGROUND=1 JAVA_OPTS="-Xms256m -Xmx1g -XX:+UseG1GC ${CX_LEAK_JAVA_OPTS:-}" \
  "$SERVER/bin/standalone.sh" -Djboss.socket.binding.port-offset="$OFFSET" > "$WORK/wildfly.log" 2>&1 &
PID=$!
cli() { "$SERVER/bin/jboss-cli.sh" -c --controller="127.0.0.1:$MANAGEMENT" --command="$1" > /dev/null 2>&1; }
for _ in $(seq 1 120); do cli ":read-attribute(name=server-state)" 2>/dev/null && break; sleep 1; done
JPID=$(pgrep -f -n "jboss.home.dir=$SERVER" || true)
[ -n "$JPID" ] || { echo "WildFly did not start; see $WORK/wildfly.log" >&2; exit 1; }

# every loaded copy of the class is one line of the class hierarchy (name/loader address)
copies() { "$JAVA_HOME/bin/jcmd" "$JPID" VM.class_hierarchy 2>/dev/null | grep -c -- "$PROBE_CLASS/" || true; }
used_mib() { "$JAVA_HOME/bin/jcmd" "$JPID" GC.heap_info | awk '/garbage-first heap/ {for (i=1;i<=NF;i++) if ($i=="used") {sub(/K.*/,"",$(i+1)); print int($(i+1)/1024)}}'; }
full_gc() { for _ in 1 2 3; do "$JAVA_HOME/bin/jcmd" "$JPID" GC.run > /dev/null; sleep 1; done; }

exercise() {
  # what a test run touches: the API's filters and mappers, the UI's servlet, OpenAPI, health
  for _ in $(seq 1 60); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$MANAGEMENT/health/ready")" = 200 ] && break; sleep 1
  done
  curl -s -o /dev/null "http://127.0.0.1:$HTTP/api/departments" || true
  curl -s -o /dev/null "http://127.0.0.1:$HTTP/openapi" || true
  curl -s -o /dev/null "http://127.0.0.1:$HTTP/" || true
  sleep 3 # the sealer's rounds run
}

full_gc
echo "before any deployment: copies of $PROBE_CLASS=$(copies), heap used $(used_mib) MiB"
for i in $(seq 1 "$CYCLES"); do
  cli "deploy $WAR --name=ROOT.war --runtime-name=ROOT.war"
  exercise
  cli "undeploy ROOT.war"
  full_gc
  echo "after cycle $i: copies of $PROBE_CLASS still loaded=$(copies), heap used $(used_mib) MiB"
done
# Idle server threads keep their last task for a while (a worker's frame, a cancelled task of the managed scheduler
# until its delay ends): what is still held after CX_LEAK_SETTLE seconds (default 75) is what a server keeps for good.
sleep "${CX_LEAK_SETTLE:-75}"
full_gc
echo "after $CYCLES cycles and ${CX_LEAK_SETTLE:-75} s idle: copies of $PROBE_CLASS still loaded=$(copies), heap used $(used_mib) MiB"
if [ "${CX_LEAK_HEAP_DUMP:-0}" = 1 ]; then
  "$JAVA_HOME/bin/jcmd" "$JPID" GC.heap_dump "$WORK/after-$CYCLES.hprof" > /dev/null
  "$JAVA_HOME/bin/jcmd" "$JPID" Thread.print > "$WORK/after-$CYCLES.threads"
  echo "heap dump: $WORK/after-$CYCLES.hprof, threads: $WORK/after-$CYCLES.threads"
fi
