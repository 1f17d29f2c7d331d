#!/usr/bin/env bash
# Benchmarks of the SMS tracker on this machine, with their baselines and the Express peer, in one
# run so that the figures read as ratios. Needs: a built target/server (mvn package), MariaDB on
# 127.0.0.1 with the database and user of .ci/run, wrk, node and npm. Run from the repository root:
#     bash bench/run.sh [seconds per run, default 20] [results file, default bench/results.txt]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN="${1:-20}"
RESULTS="${2:-bench/results.txt}"
CONNECTIONS="${CONNECTIONS:-64}"
WARM_UP_SECONDS="${WARM_UP_SECONDS:-90}"
BURST="${BURST:-100000}"
ACCEPTED=0
export DB_URL="${DB_URL:-jdbc:mysql://127.0.0.1:3306/sms_tracker}" DB_USER="${DB_USER:-sms_tracker}" DB_PASSWORD="${DB_PASSWORD:-sms_tracker}"
export SINCH_WEBHOOK_SECRETS=bench-secret
. src/test/reliability/common.sh
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

mvn -q -B test-compile
CLASSPATH_FILE=target/bench.classpath
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CLASSPATH_FILE"
CP="target/test-classes:target/classes:$(cat "$CLASSPATH_FILE")"
SIGNED=target/signed-callbacks.tsv
CALLBACKS="$BASE_URL/api/sinch/callbacks"
QUEUE=/subsystem=messaging-activemq/server=default/jms-queue=SmsTrackerCallbacks
cli() { "$SERVER_DIR/bin/jboss-cli.sh" --connect --command="$1" >/dev/null; }
stored() { curl -fs -u "$READER" "$BASE_URL/api/received-callbacks?size=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p'; }
settle() {
    local before=-1 now
    while now="$(stored)"; [ "$now" != "$before" ]; do before="$now"; sleep 3; done
}
rss() { echo "resident memory of the server: $(( $(ps -o rss= -p "$(pgrep -f jboss-modules.jar | head -1)") / 1024 )) MB"; }
# Signs COUNT callbacks ahead, each with its own batch id and nonce, for wrk to send once each.
sign() { java -cp "$CP" dev.smstrack.bench.SignedRequests "$1" bench-secret "$SIGNED"; }
# wrk (2 threads, C code) sends the signed callbacks to URL for SECONDS or until all are sent;
# prints its figures and sets ACCEPTED.
send() {
    local out="target/wrk.out" wrk_pid
    rm -f "$SIGNED".done.*
    wrk -t2 -c"$CONNECTIONS" -d"${2}s" -s bench/wrk/signed-callbacks.lua "$1" -- "$SIGNED" 2 >"$out" &
    wrk_pid=$!
    # wrk runs for its whole duration; once both threads sent all they had, stop it (it then reports).
    while kill -0 "$wrk_pid" 2>/dev/null && [ "$(ls "$SIGNED".done.* 2>/dev/null | wc -l)" -lt 2 ]; do sleep 0.2; done
    kill -INT "$wrk_pid" 2>/dev/null || true
    wait "$wrk_pid" || true
    out="$(grep -E '^(requests|latency)' "$out")"
    echo "target $1, flat out, $CONNECTIONS connections, wrk"
    echo "$out"
    ACCEPTED="$(echo "$out" | sed -n 's/.*accepted (2xx) \([0-9]*\).*/\1/p')"
}
# Waits until COUNT callbacks more than BEFORE are stored; prints the rate since START (date +%s%N).
stored_since() {
    local before="$1" count="$2" start="$3" now
    while now="$(stored)"; [ $((now - before)) -lt "$count" ]; do sleep 0.2; done
    local millis=$(( ($(date +%s%N) - start) / 1000000 ))
    echo "stored $((now - before)) of $count in $(( millis / 1000 )).$(( millis % 1000 / 100 )) s: $(( count * 1000 / millis ))/s"
}

{
echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; $(java -version 2>&1 | head -1)"
echo "# MariaDB $(mysql -h127.0.0.1 -uroot -N -e 'select version()'), innodb_flush_log_at_trx_commit=$(mysql -h127.0.0.1 -uroot -N -e 'select @@innodb_flush_log_at_trx_commit')"
echo "# $CONNECTIONS connections, $SECONDS_PER_RUN s a run, generators on the same machine"

echo; echo "## database ceiling: single-row commits over JDBC"
java -cp "$CP" dev.smstrack.bench.JdbcCommitCeiling "$DB_URL" "$DB_USER" "$DB_PASSWORD" "$CONNECTIONS" "$SECONDS_PER_RUN"

start_server
trap 'stop_server' EXIT
java -cp "$CP" dev.smstrack.bench.BaselineDeployment deploy 2>/dev/null
sign 400000
echo; echo "## HTTP ceiling: bare JAX-RS endpoint on the same server, the same signed requests"
send "$BASE_URL/bench-baseline/callbacks" 5 >/dev/null # warm-up
send "$BASE_URL/bench-baseline/callbacks" "$SECONDS_PER_RUN"
java -cp "$CP" dev.smstrack.bench.BaselineDeployment undeploy 2>/dev/null

echo; echo "## product: warm-up, end to end, $WARM_UP_SECONDS s (the JIT compiles for about a minute)"
sign 400000
send "$CALLBACKS" "$WARM_UP_SECONDS" >/dev/null
settle
echo; echo "## product: accepting only (consumer paused)"
cli "$QUEUE:pause"
sign 200000
send "$CALLBACKS" "$SECONDS_PER_RUN"
rss
before="$(stored)"
resumed="$(date +%s%N)"
cli "$QUEUE:resume"
echo "the consumer alone, from the moment it resumed: $(stored_since "$before" "$ACCEPTED" "$resumed")"
echo; echo "## product: a burst of $BURST callbacks, end to end, from the first request"
sign "$BURST"
before="$(stored)"
start="$(date +%s%N)"
send "$CALLBACKS" 600
stored_since "$before" "$ACCEPTED" "$start"
rss
echo; echo "## product: offered 5000/s (open loop, Java generator: wrk cannot hold a rate)"
java -cp "$CP" dev.smstrack.bench.LoadGenerator --concurrency "$CONNECTIONS" --duration "$SECONDS_PER_RUN" --rate 5000 --drain
rss
stop_server
trap - EXIT

echo; echo "## peer: Express + mysql2, one row committed before 200"
(cd bench/peers/express && npm install --no-audit --no-fund --silent >/dev/null)
DB_NAME="${DB_URL##*/}" PEER_SECRET=bench-secret node bench/peers/express/server.js >target/peer.log 2>&1 &
PEER=$!
trap 'kill $PEER 2>/dev/null || true' EXIT
for _ in $(seq 1 30); do curl -s -o /dev/null http://127.0.0.1:3000/ && break; sleep 0.5; done
sign 300000
send http://127.0.0.1:3000/callbacks 5 >/dev/null
send http://127.0.0.1:3000/callbacks "$SECONDS_PER_RUN"
} 2>&1 | tee "$RESULTS"
