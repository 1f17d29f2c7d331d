#!/usr/bin/env bash
# Benchmarks of the SMS tracker on this machine, with their ceilings and the Express peer, in one
# run so that the figures read as ratios. Needs: a built target/server (mvn package), MariaDB on
# 127.0.0.1 with the database and user of .ci/run, wrk, node and npm. Run from the repository root:
#     bash bench/run.sh [results file, default bench/results.txt]
# Two workloads, each sent once by wrk (2 threads, 64 connections) with the consumer running:
#   sent:   MESSAGES messages sent through POST /api/messages to the simulator, which never calls
#           back; then, signed as Sinch signs, a Dispatched and a Delivered report for each of them
#           (a few in the other order). This is what Sinch really sends.
#   parked: BURST reports about batches the product never sent (each is parked).
set -euo pipefail
cd "$(dirname "$0")/.."
RESULTS="${1:-bench/results.txt}"
CONNECTIONS="${CONNECTIONS:-64}"
WARM_UP_SECONDS="${WARM_UP_SECONDS:-60}"
MESSAGES="${MESSAGES:-50000}"
BURST="${BURST:-100000}"
SECONDS_PER_CEILING="${SECONDS_PER_CEILING:-20}"
ACCEPTED=0
export DB_URL="${DB_URL:-jdbc:mysql://127.0.0.1:3306/sms_tracker}" DB_USER="${DB_USER:-sms_tracker}" DB_PASSWORD="${DB_PASSWORD:-sms_tracker}"
export SINCH_WEBHOOK_SECRETS=bench-secret
# The simulator stands in for Sinch and never calls back (delivery_report none); reconciliation
# stays out of the run, so that every status the product shows came from the reports sent here.
export SINCH_SIMULATOR=true SINCH_DELIVERY_REPORT=none SINCH_RECONCILE_AFTER_SECONDS=86400
. src/test/reliability/common.sh
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
DB_NAME="${DB_URL##*/}"
QUEUE=/subsystem=messaging-activemq/server=default/jms-queue=SmsTrackerCallbacks
cli() { "$SERVER_DIR/bin/jboss-cli.sh" --connect --command="$1" >/dev/null; }

mvn -q -B -o test-compile 2>/dev/null || mvn -q -B test-compile
CLASSPATH_FILE=target/bench.classpath
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CLASSPATH_FILE"
CP="target/test-classes:target/classes:$(cat "$CLASSPATH_FILE")"
PARKED=target/parked-reports.tsv
SENT=target/sent-reports.tsv
CALLBACKS="$BASE_URL/api/sinch/callbacks"
SENDER="$(awk '$1 == "it-sender" { print $1 ":" $2 }' src/test/server/test-users.txt)"
rss() { echo "resident memory of the server: $(( $(ps -o rss= -p "$(pgrep -f jboss-modules.jar | head -1)") / 1024 )) MiB"; }
seconds() { printf '%d.%d' $(( $1 / 1000 )) $(( $1 % 1000 / 100 )); }
# Of the messages this run sent (created after SINCE_MS), how many show Delivered.
delivered() { sql "SELECT COUNT(*) FROM message WHERE status = 'Delivered' AND created_at_ms > $SINCE_MS"; }
# Callbacks stored and applied since FIRST_MS (status moves commit with them).
applied() { sql "SELECT COUNT(*) FROM callback WHERE outcome = 'APPLIED' AND received_at_ms >= $FIRST_MS"; }
# Parked reports, each with its own batch id and nonce.
sign_parked() { java -cp "$CP" dev.smstrack.bench.SignedRequests "$1" bench-secret "$2"; }
# wrk sends every line of FILE once to URL; prints its figures, sets ACCEPTED and LAST_REQUEST_MS.
send() {
    local out="target/wrk.out" wrk_pid
    rm -f "$2".done.*
    wrk -t2 -c"$CONNECTIONS" -d"${3:-600}s" -s bench/wrk/signed-callbacks.lua "$1" -- "$2" 2 >"$out" &
    wrk_pid=$!
    # wrk runs for its whole duration; once both threads sent all they had, stop it (it then reports).
    while kill -0 "$wrk_pid" 2>/dev/null && [ "$(ls "$2".done.* 2>/dev/null | wc -l)" -lt 2 ]; do sleep 0.1; done
    LAST_REQUEST_MS="$(now_ms)"
    kill -INT "$wrk_pid" 2>/dev/null || true
    wait "$wrk_pid" || true
    out="$(grep -E '^(requests|latency)' "$out")"
    echo "$out"
    ACCEPTED="$(echo "$out" | sed -n 's/.*accepted (2xx) \([0-9]*\).*/\1/p')"
}
# Waits until COUNTER (a function printing a number) reaches TARGET; prints end to end and drain.
until_done() {
    local what="$1" target="$2" count="$3" first="$4"
    local waited=0
    while [ "$("$what")" -lt "$target" ]; do
        sleep 0.5; waited=$((waited + 1))
        # 10 minutes without the count reaching its target: something holds callbacks back.
        [ "$waited" -lt 1200 ] || { echo "NOT DONE: $("$what") of $target after 10 minutes"; return 0; }
    done
    local done_ms; done_ms="$(now_ms)"
    local total=$(( done_ms - first )) drain=$(( done_ms - LAST_REQUEST_MS ))
    echo "end to end: $count reports stored and applied $(seconds "$total") s after the first request: $(( count * 1000 / total ))/s"
    echo "drained $(seconds "$drain") s after the last request"
}
# Sends MESSAGES messages, 100 recipients a send, and waits until Sinch (the simulator) has them all.
send_messages() {
    local sends=$(( MESSAGES / 100 )) run; run="$(date +%s)"
    local since; since="$(sql "SELECT COALESCE(MAX(created_at_ms), 0) FROM message")"
    local pids=()
    for s in $(seq 1 "$sends"); do
        local to; to="$(seq -f "\"+46%.0f\"" $(( (run % 90 + 10) * 10000000 + s * 100 )) $(( (run % 90 + 10) * 10000000 + s * 100 + 99 )) | paste -sd,)"
        curl -fs -o /dev/null -u "$SENDER" -H 'Content-Type: application/json' "$BASE_URL/api/messages" \
            --data-binary "{\"to\":[$to],\"body\":\"bench $run $s\"}" &
        pids+=($!)
        # eight at a time; a plain wait would also wait for the server, a child of this shell
        if [ "${#pids[@]}" -eq 8 ]; then wait "${pids[@]}" || fail "a send was refused"; pids=(); fi
    done
    [ "${#pids[@]}" -eq 0 ] || wait "${pids[@]}" || fail "a send was refused"
    for _ in $(seq 1 300); do
        [ "$(sql "SELECT COUNT(*) FROM message WHERE status = 'SUBMITTED' AND batch_id IS NOT NULL AND created_at_ms > $since")" -lt "$MESSAGES" ] || return 0
        sleep 1
    done
    fail "the $MESSAGES messages were not all submitted within 300 s; see $SERVER_LOG"
}

# Every run starts from an empty database, the product's and the peer's tables alike: the tables
# of earlier runs outgrow MariaDB's buffer pool (Debian's default, 128 MiB), and random reads of
# their unique keys from disk then set the pace (measured: 818 reports/s end to end instead of 2,092).
drop_all_tables

{
echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; $(java -version 2>&1 | head -1)"
echo "# MariaDB $(mysql -h127.0.0.1 -uroot -N -e 'select version()'), innodb_flush_log_at_trx_commit=$(mysql -h127.0.0.1 -uroot -N -e 'select @@innodb_flush_log_at_trx_commit'), buffer pool $(( $(mysql -h127.0.0.1 -uroot -N -e 'select @@innodb_buffer_pool_size') / 1048576 )) MiB; every table emptied first"
echo "# wrk, 2 threads, $CONNECTIONS connections; generators, server, database and peer on the same machine"

echo; echo "## database ceiling: single-row commits over JDBC, $CONNECTIONS connections"
java -cp "$CP" dev.smstrack.bench.JdbcCommitCeiling "$DB_URL" "$DB_USER" "$DB_PASSWORD" "$CONNECTIONS" "$SECONDS_PER_CEILING"

trap 'stop_server' EXIT # set first: a server that fails to start is stopped too
start_server
java -cp "$CP" dev.smstrack.bench.BaselineDeployment deploy 2>/dev/null
sign_parked 400000 "$PARKED"
echo; echo "## HTTP ceiling: bare JAX-RS endpoint on the same server, the same signed requests"
send "$BASE_URL/bench-baseline/callbacks" "$PARKED" 5 >/dev/null # warm-up
send "$BASE_URL/bench-baseline/callbacks" "$PARKED" "$SECONDS_PER_CEILING"

# Sends COUNT messages and writes their Dispatched and Delivered reports to FILE; sets SINCE_MS.
sent_reports() {
    SINCE_MS="$(sql "SELECT COALESCE(MAX(created_at_ms), 0) FROM message")"
    MESSAGES="$1" send_messages
    java -cp "$CP" dev.smstrack.bench.SentMessageReports "$DB_URL" "$DB_USER" "$DB_PASSWORD" bench-secret "$2" "$SINCE_MS"
}

echo; echo "## product: warm-up on both workloads (the JIT compiles for about a minute)"
sent_reports 10000 "$SENT" >/dev/null
send "$CALLBACKS" "$SENT" >/dev/null
sign_parked 400000 "$PARKED"
send "$CALLBACKS" "$PARKED" "$WARM_UP_SECONDS" >/dev/null
settle

# The broker's own ceilings, once the JIT has compiled the server's messaging code (above): a bare
# endpoint that only queues the body durably (200 once on disk) and a consumer that takes each
# message and does nothing else, measured as the product is below.
BASELINE_QUEUE=/subsystem=messaging-activemq/server=default/jms-queue=SmsTrackerBenchBaseline
QUEUED="$BASE_URL/bench-baseline/queued"
consumed() { echo $(( $(curl -fs "$QUEUED/consumed") - CONSUMED_BEFORE )); }
CONSUMED_BEFORE=0
sign_parked 20000 "$PARKED"
send "$QUEUED" "$PARKED" >/dev/null # warm-up, consumer running
until_done consumed "$ACCEPTED" "$ACCEPTED" "$(now_ms)" >/dev/null
echo; echo "## broker ceiling, accepting alone (its consumer paused), then its consumer alone, on $(( BURST / 2 )) callbacks"
sign_parked $(( BURST / 2 )) "$PARKED"
CONSUMED_BEFORE="$(curl -fs "$QUEUED/consumed")"
cli "$BASELINE_QUEUE:pause"
send "$QUEUED" "$PARKED"
resumed="$(now_ms)"
cli "$BASELINE_QUEUE:resume"
LAST_REQUEST_MS="$resumed"
until_done consumed "$ACCEPTED" "$ACCEPTED" "$resumed" | sed 's/^end to end/its consumer alone, from its resumption/; s/stored and applied/taken/'
echo; echo "## broker ceiling, end to end: the same endpoint and consumer together, on $BURST callbacks"
sign_parked "$BURST" "$PARKED"
CONSUMED_BEFORE="$(curl -fs "$QUEUED/consumed")"
FIRST_MS="$(now_ms)"
send "$QUEUED" "$PARKED"
until_done consumed "$ACCEPTED" "$ACCEPTED" "$FIRST_MS" | sed 's/stored and applied/taken/'
java -cp "$CP" dev.smstrack.bench.BaselineDeployment undeploy 2>/dev/null

echo; echo "## product, sent workload: $MESSAGES messages, a Dispatched and a Delivered report each"
sent_reports "$MESSAGES" "$SENT"
FIRST_MS="$(now_ms)"
send "$CALLBACKS" "$SENT"
rss
until_done applied "$ACCEPTED" "$ACCEPTED" "$FIRST_MS"
echo "messages Delivered: $(delivered) of $MESSAGES (a report refused with 503 is not sent again here; Sinch would retry it)"
settle

echo; echo "## product, ceilings on the sent workload: accepting alone (consumer paused), then the consumer alone"
sent_reports $(( MESSAGES / 2 )) "$SENT.ceilings" >/dev/null
cli "$QUEUE:pause"
FIRST_MS="$(now_ms)"
send "$CALLBACKS" "$SENT.ceilings"
resumed="$(now_ms)"
cli "$QUEUE:resume"
LAST_REQUEST_MS="$resumed"
until_done applied "$ACCEPTED" "$ACCEPTED" "$resumed" | sed 's/^end to end/the consumer alone, from its resumption/'
settle

# The requirements' own cost on this stack: the signature checked and the callback queued durably
# (200 once on disk), then, in lists as the product takes them, each report stored with nothing but
# the writes it must make (callback row with payload, nonce and dedup key; status event; message
# locked and moved forward), in plain JDBC. Its messages are sent as the product's are.
STORED="$BASE_URL/bench-baseline/stored"
java -cp "$CP" dev.smstrack.bench.BaselineDeployment deploy 2>/dev/null
sent_reports 10000 "$SENT.stored" >/dev/null
FIRST_MS="$(now_ms)"
send "$STORED" "$SENT.stored" >/dev/null # warm-up
until_done applied "$ACCEPTED" "$ACCEPTED" "$FIRST_MS" >/dev/null
echo; echo "## the required writes by hand, end to end: signature, durable queue, plain JDBC; sent workload, $MESSAGES messages"
sent_reports "$MESSAGES" "$SENT.stored"
FIRST_MS="$(now_ms)"
send "$STORED" "$SENT.stored"
until_done applied "$ACCEPTED" "$ACCEPTED" "$FIRST_MS"
echo "messages Delivered: $(delivered) of $MESSAGES"
settle
echo; echo "## the callback row alone by hand, end to end: the same, storing only each report's callback row (the peer's one insert); parked workload, $BURST reports"
sign_parked "$BURST" "$PARKED"
FIRST_MS="$(now_ms)"
send "$STORED?writes=callback" "$PARKED"
until_done applied "$ACCEPTED" "$ACCEPTED" "$FIRST_MS"
java -cp "$CP" dev.smstrack.bench.BaselineDeployment undeploy 2>/dev/null
settle

echo; echo "## product, parked workload: $BURST reports about batches never sent"
sign_parked "$BURST" "$PARKED"
FIRST_MS="$(now_ms)"
send "$CALLBACKS" "$PARKED"
rss
until_done applied "$ACCEPTED" "$ACCEPTED" "$FIRST_MS"
stop_server
trap - EXIT

echo; echo "## peer: Express + mysql2, one INSERT IGNORE committed before 200"
(cd bench/peers/express && npm install --no-audit --no-fund --silent >/dev/null)
DB_NAME="$DB_NAME" PEER_SECRET=bench-secret node bench/peers/express/server.js >target/peer.log 2>&1 &
PEER=$!
trap 'kill $PEER 2>/dev/null || true' EXIT
for _ in $(seq 1 30); do curl -s -o /dev/null http://127.0.0.1:3000/ && break; sleep 0.5; done
sign_parked 100000 target/peer-warm-up.tsv
send http://127.0.0.1:3000/callbacks target/peer-warm-up.tsv 10 >/dev/null
echo "sent workload (the same $((MESSAGES * 2)) reports):"
send http://127.0.0.1:3000/callbacks "$SENT"
echo "parked workload (the same $BURST reports):"
send http://127.0.0.1:3000/callbacks "$PARKED"
} 2>&1 | tee "$RESULTS"
