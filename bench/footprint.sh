#!/usr/bin/env bash
# The server's footprint: boot to ready, resident memory while idle, and its peak under load (signed
# callbacks sent flat out by wrk from 64 connections for LOAD_SECONDS, default 240: more than the
# consumer keeps up with, and long enough for the callbacks queue to reach its 100 MiB budget, which
# 60 s do not), for the server the build provisions (target/server) started as the README starts
# it, with the product deployed, against MariaDB (DB_URL, default the database of .ci/run). Each
# figure is taken RUNS times (default 2), with the JVM's options of wildfly-config/standalone.conf,
# with those and a queue budget of 32 MiB, and with the JVM's own (G1, glibc's malloc arenas).
# Needs wrk. Run from the repository root after mvn package:
#     bash bench/footprint.sh [results file, default bench/footprint-results.txt]
set -euo pipefail
cd "$(dirname "$0")/.."
RESULTS="${1:-bench/footprint-results.txt}"
RUNS="${RUNS:-2}"
IDLE_SECONDS="${IDLE_SECONDS:-30}"
LOAD_SECONDS="${LOAD_SECONDS:-240}"
SERVER_DIR="${SERVER_DIR:-target/server}"
export DB_URL="${DB_URL:-jdbc:mysql://127.0.0.1:3306/sms_tracker}" DB_USER="${DB_USER:-sms_tracker}" DB_PASSWORD="${DB_PASSWORD:-sms_tracker}"
export SINCH_WEBHOOK_SECRETS=footprint-secret
LOG=target/footprint-server.log
. src/test/reliability/common.sh # stop_server, now_ms, ready, settle
! ready 2>/dev/null || { echo "a server already answers on 9990; stop it first" >&2; exit 1; }
mvn -q -B -o test-compile 2>/dev/null || mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
rss_mib() { echo $(( $(ps -o rss= -p "$1") / 1024 )); }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
REQUESTS=target/footprint-requests.tsv
# glibc's default on 64 bits: eight arenas a core
JVM_DEFAULTS="SMS_TRACKER_GC=G1 MALLOC_ARENA_MAX=$(( 8 * $(nproc) ))"
# the callbacks queue's budget (sms-tracker.callbacks.max-queued-bytes) at 32 MiB instead of 100 MiB
SMALL_QUEUE="JDK_JAVA_OPTIONS=-Dsms-tracker.callbacks.max-queued-bytes=33554432"

{
trap "stop_server >/dev/null" EXIT # in the block, where the server is started
echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores; $(java -version 2>&1 | head -1); $SERVER_DIR ($(du -sh --exclude=data --exclude=log --exclude=tmp "$SERVER_DIR" | cut -f1) on disk without its data), ${DB_URL%%:*}:${DB_URL#*:}"
echo "# boot: from the start script's launch until /health/ready answers 200 (the product deployed, its migrations checked)"
echo "# idle: resident memory of the JVM $IDLE_SECONDS s after it is ready"
echo "# under load: its highest resident memory, sampled each second, while callbacks are sent flat out for $LOAD_SECONDS s"
for jvm_options in "" "$SMALL_QUEUE" "$JVM_DEFAULTS"; do
echo "## the JVM's options: ${jvm_options:-those of wildfly-config/standalone.conf (the parallel collector, MALLOC_ARENA_MAX=2)}"
for run in $(seq 1 "$RUNS"); do
    started="$(now_ms)"
    # shellcheck disable=SC2086 # the variables of this variant, split on spaces
    env $jvm_options "$SERVER_DIR/bin/standalone.sh" -c standalone-full.xml >"$LOG" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 480); do ready && break; sleep 0.25; done
    ready || { echo "the server did not get ready; see $LOG" >&2; exit 1; }
    boot=$(( $(now_ms) - started ))
    wildfly="$(sed -n 's/.*WFLYSRV0025.* started in \([0-9]*\)ms.*/\1/p' "$LOG" | tail -1)"
    sleep "$IDLE_SECONDS"
    jvm="$(pgrep -P "$SERVER_PID" java)"
    idle="$(rss_mib "$jvm")"
    rm -f "$REQUESTS".done.*
    java -cp "$CP" dev.smstrack.bench.SignedRequests $(( LOAD_SECONDS * 4000 )) footprint-secret "$REQUESTS"
    wrk -t2 -c64 -d"${LOAD_SECONDS}s" -s bench/wrk/signed-callbacks.lua http://127.0.0.1:8080/api/sinch/callbacks \
        -- "$REQUESTS" 2 > target/footprint-load.txt &
    load=$!
    peak=0
    while kill -0 "$load" 2>/dev/null; do
        now="$(rss_mib "$jvm")"; [ "$now" -le "$peak" ] || peak="$now"
        sleep 1
    done
    accepted="$(sed -n 's/.*accepted (2xx) [0-9]* = \([0-9]*\/s\).*/\1/p' target/footprint-load.txt)"
    echo "run $run: ready after $boot ms (WildFly says started in ${wildfly:-?} ms); idle resident memory $idle MiB; under load (${accepted:-?} accepted) $peak MiB"
    # What the run queued is stored before the next run starts.
    settle
    stop_server >/dev/null
done
done
} 2>&1 | tee "$RESULTS"
