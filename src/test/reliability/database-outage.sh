#!/usr/bin/env bash
# Database outage under steady load: MariaDB is stopped for OUTAGE_SECONDS (default 300) while
# signed callbacks arrive at RATE per second (default 100). The endpoint keeps accepting from the
# broker's journal (every answer 200, or 503 once the queue's budget is spent), the consumer waits
# without spending delivery attempts (the server runs with 2 of them, so one spent on the outage
# would show), and once the database is back every accepted callback is stored exactly once, with
# no dead letter. Prints how many were accepted during the outage and how long the drain took.
# Usage: database-outage.sh [OUTAGE_SECONDS]. Needs: a built target/server, MariaDB on 127.0.0.1
# that this user may stop and start (root), DB_URL/DB_USER/DB_PASSWORD. Run from the repository root.
set -euo pipefail
. "$(dirname "$0")/common.sh"
: "${DB_URL:?set DB_URL, DB_USER and DB_PASSWORD}"
OUTAGE="${1:-300}"
RATE="${RATE:-100}"
BEFORE=10 # seconds of load before the outage
AFTER=20  # and after it
DB_NAME="${DB_URL##*/}"
RUN="OUTAGE$(date +%s)"
ACCEPTED="target/outage-accepted.txt"
STORED="target/outage-stored.txt"
RESULT="${RESULT:-target/outage-result.txt}"
SERVER_OPTS="-Dsms-tracker.callbacks.max-delivery-attempts=2"

mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
trap 'stop_server; mariadb_up || start_mariadb' EXIT
start_server

log "sending $RATE callbacks/s for $((BEFORE + OUTAGE + AFTER)) s; the database is down from $BEFORE s for $OUTAGE s"
java -cp "$CP" dev.smstrack.bench.LoadGenerator --rate "$RATE" --duration "$((BEFORE + OUTAGE + AFTER))" \
    --concurrency 64 --secret "$SECRET" --prefix "$RUN" --accepted-file "$ACCEPTED" > target/outage-load.txt &
LOAD=$!
# Readiness (MicroProfile Health on the management port): the HTTP status and the database check.
readiness() {
    local answer; answer="$(curl -s -w ' %{http_code}' http://127.0.0.1:9990/health/ready)"
    echo "$(echo "$answer" | grep -o '"name":"database","status":"[A-Z]*"' | sed 's/.*"status":"//; s/"//') ${answer##* }"
}
[ "$(readiness)" = "UP 200" ] || fail "not ready before the outage: $(readiness)"
sleep "$BEFORE"
stop_mariadb
sleep 10 # the probe finds the database gone within 2 s
ready_during="$(readiness)"
sleep "$(( OUTAGE - 10 ))"
start_mariadb
back="$(date +%s)"
wait "$LOAD"
cat target/outage-load.txt
answers="$(sed -n 's/^answers by status {\(.*\)}$/\1/p' target/outage-load.txt)"
if echo "$answers" | tr ',' '\n' | grep -vqE '^ ?(200|503)=|^$'; then
    fail "answers other than 200 and 503: $answers"
fi

log "waiting for the queue to drain"
accepted="$(wc -l < "$ACCEPTED")"
stored=0
for _ in $(seq 1 600); do
    stored="$(mysql -h127.0.0.1 -u"$DB_USER" -p"$DB_PASSWORD" "$DB_NAME" -N -e \
        "SELECT COUNT(DISTINCT batch_id) FROM status_event WHERE batch_id LIKE '$RUN-%'")"
    [ "$stored" -ge "$accepted" ] && break
    sleep 1
done
drained="$(( $(date +%s) - back ))"
ready_after=""
for _ in $(seq 1 30); do ready_after="$(readiness)"; [ "$ready_after" = "UP 200" ] && break; sleep 1; done
sleep 5 # anything stored twice would show by now
mysql -h127.0.0.1 -u"$DB_USER" -p"$DB_PASSWORD" "$DB_NAME" -N -e \
    "SELECT batch_id, COUNT(*) FROM status_event WHERE batch_id LIKE '$RUN-%' GROUP BY batch_id" | sort > "$STORED"
duplicated="$(awk '$2 > 1' "$STORED" | wc -l)"
missing="$(sort "$ACCEPTED" | join -v1 - <(cut -f1 "$STORED" | sort) | wc -l)"
# The generator numbers its callbacks in the order it sends them, RATE a second.
during="$(sed "s/^$RUN-//" "$ACCEPTED" | awk -v from="$((BEFORE * RATE))" -v to="$(((BEFORE + OUTAGE) * RATE))" \
    '$1 >= from && $1 < to' | wc -l)"
dead="$(curl -fs -u "$READER" "$BASE_URL/api/dead-letters?limit=1000" | grep -o '"id"' | wc -l || true)"
summary="outage ${OUTAGE} s at ${RATE}/s: sent $(( (BEFORE + OUTAGE + AFTER) * RATE )), accepted $accepted (during the outage $during of $((OUTAGE * RATE))), answers {$answers}, stored $(wc -l < "$STORED"), lost $missing, duplicated $duplicated, dead letters $dead, drained ${drained} s after the database came back, readiness during: $ready_during, after: $ready_after"
log "$summary"
echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) $summary" >> "$RESULT"
[ "$missing" = 0 ] || fail "$missing accepted callbacks were lost"
[ "$duplicated" = 0 ] || fail "$duplicated callbacks were stored twice"
[ "$dead" = 0 ] || fail "$dead callbacks were dead-lettered"
[ "$during" -gt 0 ] || fail "nothing was accepted during the outage"
[ "$ready_during" = "DOWN 503" ] || fail "readiness during the outage: '$ready_during', not 'DOWN 503'"
[ "$ready_after" = "UP 200" ] || fail "readiness after the outage: '$ready_after', not 'UP 200'"
log "PASSED: accepted during the outage, drained after it, nothing lost, doubled or dead-lettered"
