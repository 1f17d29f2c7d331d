#!/usr/bin/env bash
# The server's footprint: boot to ready and resident memory while idle, for the server the build
# provisions (target/server) started as the README starts it, with the product deployed, against
# MariaDB (DB_URL, default the database of .ci/run). Memory under load is bench/run.sh's. Each figure
# is taken RUNS times (default 3). Run from the repository root after mvn package:
#     bash bench/footprint.sh [results file, default bench/footprint-results.txt]
set -euo pipefail
cd "$(dirname "$0")/.."
RESULTS="${1:-bench/footprint-results.txt}"
RUNS="${RUNS:-3}"
IDLE_SECONDS="${IDLE_SECONDS:-30}"
SERVER_DIR="${SERVER_DIR:-target/server}"
export DB_URL="${DB_URL:-jdbc:mysql://127.0.0.1:3306/sms_tracker}" DB_USER="${DB_USER:-sms_tracker}" DB_PASSWORD="${DB_PASSWORD:-sms_tracker}"
export SINCH_WEBHOOK_SECRETS=footprint-secret
LOG=target/footprint-server.log
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
ready() { curl -fs -o /dev/null http://127.0.0.1:9990/health/ready; }
SERVER_PID=""
stop() {
    [ -n "$SERVER_PID" ] || return 0
    pkill -TERM -P "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
}
! ready 2>/dev/null || { echo "a server already answers on 9990; stop it first" >&2; exit 1; }

{
trap stop EXIT # in the block, where the server is started
echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores; $(java -version 2>&1 | head -1); $SERVER_DIR ($(du -sh --exclude=data --exclude=log --exclude=tmp "$SERVER_DIR" | cut -f1) on disk without its data), ${DB_URL%%:*}:${DB_URL#*:}"
echo "# boot: from the start script's launch until /health/ready answers 200 (the product deployed, its migrations checked)"
echo "# idle: resident memory of the JVM $IDLE_SECONDS s after it is ready"
for run in $(seq 1 "$RUNS"); do
    started="$(now_ms)"
    "$SERVER_DIR/bin/standalone.sh" -c standalone-full.xml >"$LOG" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 480); do ready && break; sleep 0.25; done
    ready || { echo "the server did not get ready; see $LOG" >&2; exit 1; }
    boot=$(( $(now_ms) - started ))
    wildfly="$(sed -n 's/.*WFLYSRV0025.* started in \([0-9]*\)ms.*/\1/p' "$LOG" | tail -1)"
    sleep "$IDLE_SECONDS"
    rss=$(( $(ps -o rss= -p "$(pgrep -P "$SERVER_PID" java)") / 1024 ))
    echo "run $run: ready after $boot ms (WildFly says started in ${wildfly:-?} ms); idle resident memory $rss MiB"
    stop
done
} 2>&1 | tee "$RESULTS"
