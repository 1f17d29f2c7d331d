#!/usr/bin/env bash
# Crash: kill -9 the server while callbacks are being sent, restart it, and check that every
# callback that got a 2xx is stored exactly once (the rest were answered otherwise, or not at all).
# Needs a built target/server, MariaDB with the database of .ci/run, and DB_URL/DB_USER/DB_PASSWORD.
# Run from the repository root:  bash src/test/reliability/crash.sh [callbacks, default 20000]
set -euo pipefail
. "$(dirname "$0")/common.sh"
: "${DB_URL:?set DB_URL, DB_USER and DB_PASSWORD}"
COUNT="${1:-20000}"
RUN="CRASH$(date +%s)"
ACCEPTED=target/crash-accepted.txt
STORED=target/crash-stored.txt
DB_NAME="${DB_URL##*/}"

mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"

trap 'stop_server' EXIT
start_server
log "sending $COUNT callbacks; the server is killed part-way"
java -cp "$CP" dev.smstrack.bench.LoadGenerator --count "$COUNT" --duration 600 --concurrency 32 \
    --secret "$SECRET" --prefix "$RUN" --accepted-file "$ACCEPTED" > target/crash-load.txt &
LOAD=$!
sleep "${KILL_AFTER_SECONDS:-3}"
log "kill -9"
pkill -9 -f jboss-modules.jar
SERVER_PID=""
wait "$LOAD"
cat target/crash-load.txt
start_server

log "waiting for the queue to drain"
previous=-1
for _ in $(seq 1 120); do
    now="$(mysql -h127.0.0.1 -u"$DB_USER" -p"$DB_PASSWORD" "$DB_NAME" -N -e \
        "SELECT COUNT(*) FROM status_event WHERE batch_id LIKE '$RUN-%'")"
    [ "$now" = "$previous" ] && [ "$now" -ge "$(wc -l < "$ACCEPTED")" ] && break
    previous="$now"
    sleep 2
done

mysql -h127.0.0.1 -u"$DB_USER" -p"$DB_PASSWORD" "$DB_NAME" -N -e \
    "SELECT batch_id, COUNT(*) FROM status_event WHERE batch_id LIKE '$RUN-%' GROUP BY batch_id" | sort > "$STORED"
accepted="$(wc -l < "$ACCEPTED")"
duplicated="$(awk '$2 > 1' "$STORED" | wc -l)"
missing="$(sort "$ACCEPTED" | join -v1 - <(cut -f1 "$STORED") | wc -l)"
log "accepted $accepted, stored $(wc -l < "$STORED") distinct, missing $missing, duplicated $duplicated"
[ "$accepted" -gt 0 ] || fail "nothing was accepted before the crash"
[ "$missing" = 0 ] || fail "$missing accepted callbacks were lost"
[ "$duplicated" = 0 ] || fail "$duplicated callbacks were stored twice"
log "PASSED: every accepted callback stored exactly once after kill -9"
