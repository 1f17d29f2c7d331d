#!/usr/bin/env bash
# The product against the Express peer on the workload Sinch really sends, fairly and in one run.
# Needs: a built target/server (mvn package), MariaDB on 127.0.0.1 with the database and user of
# .ci/run, wrk, node and npm. Run from the repository root:
#     bash bench/run.sh [results file, default bench/results.txt]
#
# The workload: MESSAGES messages sent through POST /api/messages to the simulator (which never
# calls back), then, signed as Sinch signs, a Dispatched and a Delivered report for each of them (a
# few in the other order), sent once each by wrk (2 threads, 64 connections) while the consumer runs.
# The peer (bench/peers/express: the signature checked, one INSERT IGNORE committed, then 200) gets
# the same reports.
#
# Fair: every measured run starts on emptied tables, the product's and the peer's alike (grown tables
# outrun MariaDB's buffer pool, and random reads of their keys then set the pace); product and peer
# runs alternate, RUNS of each after one warm-up of each; each figure is the median of the RUNS with
# its range. Both servers stay up throughout; the one not measured is idle.
set -euo pipefail
cd "$(dirname "$0")/.."
RESULTS="${1:-bench/results.txt}"
RUNS="${RUNS:-3}"
CONNECTIONS="${CONNECTIONS:-64}"
MESSAGES="${MESSAGES:-20000}"
SECONDS_PER_CEILING="${SECONDS_PER_CEILING:-20}"
export DB_URL="${DB_URL:-jdbc:mysql://127.0.0.1:3306/sms_tracker}" DB_USER="${DB_USER:-sms_tracker}" DB_PASSWORD="${DB_PASSWORD:-sms_tracker}"
export SINCH_WEBHOOK_SECRETS=bench-secret
# The simulator stands in for Sinch and never calls back (delivery_report none); reconciliation
# stays out of the run, so that every status the product shows came from the reports sent here.
export SINCH_SIMULATOR=true SINCH_DELIVERY_REPORT=none SINCH_RECONCILE_AFTER_SECONDS=86400
. src/test/reliability/common.sh
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
DB_NAME="${DB_URL##*/}"
PEER_URL=http://127.0.0.1:3000/callbacks
CALLBACKS="$BASE_URL/api/sinch/callbacks"
SENDER="$(awk '$1 == "it-sender" { print $1 ":" $2 }' src/test/server/test-users.txt)"

mvn -q -B -o test-compile 2>/dev/null || mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
REPORTS=target/sent-reports.tsv
QUEUE=/subsystem=messaging-activemq/server=default/jms-queue=SmsTrackerCallbacks
PRODUCT_CONSUMER=/deployment=sms-tracker.war/subsystem=ejb3/message-driven-bean=CallbackConsumer
BASELINE_CONSUMER=/deployment=bench-baseline.war/subsystem=ejb3/message-driven-bean=StoredBaselineConsumer
cli() { "$SERVER_DIR/bin/jboss-cli.sh" --connect --command="$1" >/dev/null; }

rss() { echo $(( $(ps -o rss= -p "$(pgrep -f jboss-modules.jar | head -1)") / 1024 )); }
# Callbacks stored and applied (status moves commit with them).
APPLIED="SELECT COUNT(*) FROM callback WHERE outcome = 'APPLIED'"
# The product's tables as its migrations leave them: emptied, but its schema, leases and the
# statistics' progress rows kept (the progress set back to where the migration puts it); and the peer's.
empty_product_tables() {
    sql "SELECT table_name FROM information_schema.tables WHERE table_schema = '$DB_NAME' AND table_name
         NOT IN ('flyway_schema_history', 'lease', 'watching_node', 'delivery_hour_progress', 'peer_report',
                'bench_baseline_callback')" \
        | while read -r table; do sql "SET FOREIGN_KEY_CHECKS = 0; TRUNCATE TABLE \`$table\`"; done
    sql "UPDATE delivery_hour_progress SET up_to_ms = 0"
}
empty_peer_table() { sql "TRUNCATE TABLE peer_report" 2>/dev/null || true; }

# wrk sends every line of FILE once to URL; sets RATE (2xx a second), P99, ERRORS, ACCEPTED and
# LAST_REQUEST_MS, and prints wrk's summary.
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
    echo "  $out" | sed '2s/^/  /'
    ACCEPTED="$(echo "$out" | sed -n 's/.*accepted (2xx) \([0-9]*\) = \([0-9]*\)\/s.*/\1/p')"
    RATE="$(echo "$out" | sed -n 's/.*accepted (2xx) \([0-9]*\) = \([0-9]*\)\/s.*/\2/p')"
    ERRORS="$(echo "$out" | sed -n 's/.*error answers \([0-9]*\).*/\1/p')"
    P99="$(echo "$out" | sed -n 's/.*p99 \([0-9.]*\).*/\1/p')"
}

# Sends MESSAGES messages, 100 recipients a send, and waits until Sinch (the simulator) has them all.
send_messages() {
    local sends=$(( MESSAGES / 100 )) run pids=()
    run="$(date +%s)"
    for s in $(seq 1 "$sends"); do
        local to first
        # +4680… to +4699…: clear of the simulator's scenario numbers (+467000000…), which answer otherwise
        first=$(( (run % 20 + 80) * 10000000 + s * 100 ))
        to="$(seq -f "\"+46%.0f\"" "$first" $(( first + 99 )) | paste -sd,)"
        # as a client should: a 503 (the database refused for now) is retried, under the same key
        curl -fs --retry 3 -o /dev/null -u "$SENDER" -H 'Content-Type: application/json' \
            -H "Idempotency-Key: bench-$run-$s" "$BASE_URL/api/messages" \
            --data-binary "{\"to\":[$to],\"body\":\"bench $run $s\"}" &
        pids+=($!)
        # eight at a time; a plain wait would also wait for the server, a child of this shell
        if [ "${#pids[@]}" -eq 8 ]; then wait "${pids[@]}" || fail "a send was refused"; pids=(); fi
    done
    [ "${#pids[@]}" -eq 0 ] || wait "${pids[@]}" || fail "a send was refused"
    for _ in $(seq 1 300); do
        [ "$(sql "SELECT COUNT(*) FROM message WHERE status = 'SUBMITTED' AND batch_id IS NOT NULL")" -lt "$MESSAGES" ] || return 0
        sleep 1
    done
    fail "the $MESSAGES messages were not all submitted within 300 s; see $SERVER_LOG"
}

# On emptied tables: sends the messages and writes their reports, signed, to REPORTS.
prepare_reports() {
    empty_product_tables
    send_messages
    java -cp "$CP" dev.smstrack.bench.SentMessageReports "$DB_URL" "$DB_USER" "$DB_PASSWORD" bench-secret "$REPORTS" 0 >/dev/null 2>&1
}

# await_rows QUERY WHAT: waits until the count QUERY answers reaches ACCEPTED; fails after 10 minutes.
await_rows() {
    local waited=0
    while [ "$(sql "$1")" -lt "$ACCEPTED" ]; do
        sleep 0.2; waited=$((waited + 1))
        [ "$waited" -lt 3000 ] || fail "only $(sql "$1") of $ACCEPTED $2 after 10 minutes"
    done
}

# On emptied tables: sends the messages, signs their reports, then sends the reports; sets RATE,
# P99, ERRORS, E2E (reports stored and applied a second, from the first request until the last is
# applied) and DELIVERED.
product_run() {
    prepare_reports
    local first; first="$(now_ms)"
    send "$CALLBACKS" "$REPORTS"
    await_rows "$APPLIED" "reports applied"
    E2E=$(( ACCEPTED * 1000 / ($(now_ms) - first) ))
    DELIVERED="$(sql "SELECT COUNT(*) FROM message WHERE status = 'Delivered'")"
    echo "    end to end: $E2E/s; messages Delivered: $DELIVERED of $MESSAGES; server resident: $(rss) MiB"
}

# The product accepting alone: the same server and reports on emptied tables, the consumer's work
# removed (its queue paused until every report is answered); sets RATE and P99.
alone_run() {
    empty_product_tables
    cli "$QUEUE:pause"
    send "$CALLBACKS" "$REPORTS"
    cli "$QUEUE:resume"
    settle
}

# The consumer alone, on the real work: on emptied tables, the messages sent and their reports
# accepted with the queue paused, then the queue resumed; sets DRAIN (reports applied a second) and
# the CPU time the JVM and MariaDB spent a report meanwhile (DRAIN_JVM_US, DRAIN_DB_US).
drain_run() {
    prepare_reports
    cli "$QUEUE:pause"
    send "$CALLBACKS" "$REPORTS" >/dev/null
    local jvm db first jvm0 db0 ms
    jvm="$(pgrep -f jboss-modules.jar | head -1)" db="$(pgrep -x mariadbd || pgrep -x mysqld)"
    cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat"; } # user + system, in clock ticks (1/100 s)
    first="$(now_ms)" jvm0="$(cpu "$jvm")" db0="$(cpu "$db")"
    cli "$QUEUE:resume"
    await_rows "$APPLIED" "reports applied"
    ms=$(( $(now_ms) - first ))
    DRAIN=$(( ACCEPTED * 1000 / ms ))
    DRAIN_JVM_US=$(( ($(cpu "$jvm") - jvm0) * 10000 / ACCEPTED )) DRAIN_DB_US=$(( ($(cpu "$db") - db0) * 10000 / ACCEPTED ))
    echo "    the consumer alone: $DRAIN/s; CPU a report: JVM $DRAIN_JVM_US us, MariaDB $DRAIN_DB_US us"
}

# The ceilings: the product's pipeline (its body reader, its grouped queue writers, its queue, its
# list consumer) with all of the product's own work removed (no request id, no signature, no parse,
# no nonce; each callback stored as one raw row), on the same reports (bench/baseline). Accepting:
# the queue paused throughout and emptied afterwards, so that the product never sees these; sets
# RATE and P99.
ceiling_run() {
    cli "$QUEUE:pause"
    send "$BASE_URL/bench-baseline/accepted" "$REPORTS"
    cli "$QUEUE:remove-messages"
    cli "$QUEUE:resume"
}

# Accepting and storing: the baseline's consumer takes the queue in place of the product's, on an
# emptied table; sets E2E as product_run does.
stored_ceiling_run() {
    sql "CREATE TABLE IF NOT EXISTS bench_baseline_callback (id CHAR(36) PRIMARY KEY, received_at_ms BIGINT NOT NULL, body TEXT NOT NULL)"
    sql "TRUNCATE TABLE bench_baseline_callback"
    cli "$PRODUCT_CONSUMER:stop-delivery"
    cli "$BASELINE_CONSUMER:start-delivery"
    local first; first="$(now_ms)"
    send "$BASE_URL/bench-baseline/accepted" "$REPORTS" >/dev/null
    await_rows "SELECT COUNT(*) FROM bench_baseline_callback" "reports stored by the baseline"
    E2E=$(( ACCEPTED * 1000 / ($(now_ms) - first) ))
    cli "$BASELINE_CONSUMER:stop-delivery"
    cli "$PRODUCT_CONSUMER:start-delivery"
    echo "    ceiling, accepted and stored: $E2E/s"
}

peer_run() {
    empty_peer_table
    send "$PEER_URL" "$REPORTS"
    echo "    stored: $(sql "SELECT COUNT(*) FROM peer_report") rows"
}

# median and range of the arguments: "m (lo-hi)"
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { printf "%s (%s-%s)", v[int((NR + 1) / 2)], v[1], v[NR] }'; }
# row LABEL PRODUCT_ARRAY PEER_ARRAY [SHOW_PEER]: a line of the summary, each side's median (range)
# and the ratio of the medians; the peer's column left empty unless SHOW_PEER.
row() {
    local -n ours="$2" theirs="$3"
    local mine peers
    mine="$(median "${ours[@]}")" peers="$(median "${theirs[@]}")"
    echo "| $1 | $mine | ${4:+$peers} | $(awk -v a="${mine%% *}" -v b="${peers%% *}" 'BEGIN { printf "%.2f", a / b }')x |"
}

# A server or peer left running by an earlier run would answer in place of the ones started here.
for port in 8080 9990 3000; do
    ! curl -s -o /dev/null "http://127.0.0.1:$port/" || fail "something already answers on port $port: stop it first"
done
{
# Set here, in the block's own shell, which knows the server and the peer it starts.
trap 'stop_server; [ -z "${PEER:-}" ] || kill "$PEER" 2>/dev/null || true' EXIT
echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; $(java -version 2>&1 | head -1); $(git rev-parse --short HEAD)"
echo "# MariaDB $(mysql -h127.0.0.1 -uroot -N -e 'select version()'), innodb_flush_log_at_trx_commit=$(mysql -h127.0.0.1 -uroot -N -e 'select @@innodb_flush_log_at_trx_commit'), buffer pool $(( $(mysql -h127.0.0.1 -uroot -N -e 'select @@innodb_buffer_pool_size') / 1048576 )) MiB"
echo "# wrk, 2 threads, $CONNECTIONS connections; $MESSAGES messages, $(( MESSAGES * 2 )) reports a run; every run on emptied tables; generators, server, database and peer on the same machine"

drop_all_tables
echo; echo "## database ceiling: single-row commits over JDBC, $CONNECTIONS connections"
java -cp "$CP" dev.smstrack.bench.JdbcCommitCeiling "$DB_URL" "$DB_USER" "$DB_PASSWORD" "$CONNECTIONS" "$SECONDS_PER_CEILING" 2>/dev/null

start_server
(cd bench/peers/express && npm install --no-audit --no-fund --silent >/dev/null)
DB_NAME="$DB_NAME" PEER_SECRET=bench-secret node bench/peers/express/server.js >target/peer.log 2>&1 &
PEER=$!
for _ in $(seq 1 30); do curl -s -o /dev/null http://127.0.0.1:3000/ && break; sleep 0.5; done

java -cp "$CP" dev.smstrack.bench.BaselineDeployment deploy 2>/dev/null
java -cp "$CP" dev.smstrack.bench.SignedRequests 200000 bench-secret target/bare.tsv >/dev/null 2>&1
echo; echo "## HTTP ceiling: a bare JAX-RS endpoint on the same server, the same kind of signed requests"
send "$BASE_URL/bench-baseline/callbacks" target/bare.tsv 5 >/dev/null # warm-up
send "$BASE_URL/bench-baseline/callbacks" target/bare.tsv "$SECONDS_PER_CEILING"

echo; echo "## warm-up, not counted: the product (the JIT compiles for about a minute), then the peer"
product_run >/dev/null
peer_run >/dev/null
ceiling_run >/dev/null
stored_ceiling_run >/dev/null

stored_ceiling_e2es=() drains=() drain_jvm=() drain_db=() product_rates=() product_p99s=() product_e2es=() product_errors=() peer_rates=() peer_p99s=() alone_rates=() alone_p99s=() ceiling_rates=() ceiling_p99s=()
for run in $(seq 1 "$RUNS"); do
    echo; echo "## run $run of $RUNS: the product, the peer, the product accepting alone, then the ceilings, on the same $(( MESSAGES * 2 )) reports"
    product_run
    product_rates+=("$RATE") product_p99s+=("$P99") product_e2es+=("$E2E") product_errors+=("$ERRORS")
    peer_run
    peer_rates+=("$RATE") peer_p99s+=("$P99")
    alone_run
    alone_rates+=("$RATE") alone_p99s+=("$P99")
    ceiling_run
    ceiling_rates+=("$RATE") ceiling_p99s+=("$P99")
    stored_ceiling_run
    stored_ceiling_e2es+=("$E2E")
    drain_run
    drains+=("$DRAIN") drain_jvm+=("$DRAIN_JVM_US") drain_db+=("$DRAIN_DB_US")
done
java -cp "$CP" dev.smstrack.bench.BaselineDeployment undeploy 2>/dev/null

echo; echo "## medians of $RUNS alternating runs (range)"
echo "| | product | peer | ratio (median) |"
echo "|---|---|---|---|"
row "accepted while the consumer runs, /s" product_rates peer_rates shown
row "p99 latency, ms" product_p99s peer_p99s shown
row "end to end (stored and applied), /s" product_e2es peer_rates shown
echo "| answers other than 200 | $(median "${product_errors[@]}") | | |"
row "the product accepting alone (its consumer paused), /s" alone_rates peer_rates
row "its p99, ms" alone_p99s peer_p99s
row "ceiling: its accepting pipeline with the product's work removed, /s" ceiling_rates peer_rates
row "ceiling: its p99, ms" ceiling_p99s peer_p99s
row "ceiling of end to end: the same pipeline accepting and storing one raw row a report, /s" stored_ceiling_e2es peer_rates
row "the consumer alone (a drain of the accepted reports), /s" drains peer_rates
echo "| its CPU a report: JVM, MariaDB (us) | $(median "${drain_jvm[@]}"), $(median "${drain_db[@]}") | | |"
} 2>&1 | tee "$RESULTS"
