#!/usr/bin/env bash
# Benchmarks of the SMS tracker on this machine, with their baselines and the Express peer, in one
# run so that the figures read as ratios. Needs: a built target/server (mvn package), MariaDB on
# 127.0.0.1 with the database and user of .ci/run, node and npm. Run from the repository root:
#     bash bench/run.sh [seconds per run, default 20] [results file, default bench/results.txt]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN="${1:-20}"
RESULTS="${2:-bench/results.txt}"
CONNECTIONS="${CONNECTIONS:-64}"
export DB_URL="${DB_URL:-jdbc:mysql://127.0.0.1:3306/sms_tracker}" DB_USER="${DB_USER:-sms_tracker}" DB_PASSWORD="${DB_PASSWORD:-sms_tracker}"
export SINCH_WEBHOOK_SECRETS=bench-secret
. src/test/reliability/common.sh

mvn -q -B test-compile
CLASSPATH_FILE=target/bench.classpath
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CLASSPATH_FILE"
CP="target/test-classes:target/classes:$(cat "$CLASSPATH_FILE")"
load() { java -cp "$CP" dev.smstrack.bench.LoadGenerator --concurrency "$CONNECTIONS" --duration "$SECONDS_PER_RUN" "$@"; }
cli() { "$SERVER_DIR/bin/jboss-cli.sh" --connect --command="$1" >/dev/null; }
QUEUE=/subsystem=messaging-activemq/server=default/jms-queue=SmsTrackerCallbacks
stored() { curl -fs "$BASE_URL/api/received-callbacks?size=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p'; }
settle() {
    local before=-1 now
    while now="$(stored)"; [ "$now" != "$before" ]; do before="$now"; sleep 3; done
}

{
echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; $(java -version 2>&1 | head -1)"
echo "# MariaDB $(mysql -h127.0.0.1 -uroot -N -e 'select version()'), innodb_flush_log_at_trx_commit=$(mysql -h127.0.0.1 -uroot -N -e 'select @@innodb_flush_log_at_trx_commit')"
echo "# $CONNECTIONS connections, $SECONDS_PER_RUN s a run, load generator on the same machine"

echo; echo "## database ceiling: single-row commits over JDBC"
java -cp "$CP" dev.smstrack.bench.JdbcCommitCeiling "$DB_URL" "$DB_USER" "$DB_PASSWORD" "$CONNECTIONS" "$SECONDS_PER_RUN"

start_server
trap 'stop_server' EXIT
java -cp "$CP" dev.smstrack.bench.BaselineDeployment deploy 2>/dev/null
echo; echo "## HTTP ceiling: bare JAX-RS endpoint on the same server"
load --unsigned --path /bench-baseline/callbacks --duration 5 >/dev/null # warm-up
load --unsigned --path /bench-baseline/callbacks
java -cp "$CP" dev.smstrack.bench.BaselineDeployment undeploy 2>/dev/null

echo; echo "## product: warm-up"
load --duration 10 --drain | tail -1
settle
echo; echo "## product: accepting only (consumer paused)"
cli "$QUEUE:pause"
load
echo "resident memory of the server: $(( $(ps -o rss= -p "$(pgrep -f jboss-modules.jar | head -1)") / 1024 )) MB"
cli "$QUEUE:resume"
settle # the backlog is stored before the next run starts counting
echo; echo "## product: end to end, flat out"
load --drain
settle
echo; echo "## product: offered 5000/s"
load --rate 5000 --drain
echo "resident memory of the server: $(( $(ps -o rss= -p "$(pgrep -f jboss-modules.jar | head -1)") / 1024 )) MB"
stop_server
trap - EXIT

echo; echo "## peer: Express + mysql2, one row committed before 200"
(cd bench/peers/express && npm install --no-audit --no-fund --silent >/dev/null)
DB_NAME="${DB_URL##*/}" PEER_SECRET=bench-secret node bench/peers/express/server.js >target/peer.log 2>&1 &
PEER=$!
trap 'kill $PEER 2>/dev/null || true' EXIT
for _ in $(seq 1 30); do curl -s -o /dev/null http://127.0.0.1:3000/ && break; sleep 0.5; done
load --target http://127.0.0.1:3000 --path /callbacks --duration 5 >/dev/null
load --target http://127.0.0.1:3000 --path /callbacks
} 2>&1 | tee "$RESULTS"
