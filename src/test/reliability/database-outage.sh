#!/usr/bin/env bash
# Database outage: while MariaDB is down the product answers 503 (never a 4xx that would make Sinch
# drop the report); once it is back, every callback that got a 2xx is stored exactly once.
# Needs: a built target/server, MariaDB on 127.0.0.1 that this user may stop and start (root),
# DB_URL/DB_USER/DB_PASSWORD for the product. Run from the repository root.
set -euo pipefail
. "$(dirname "$0")/common.sh"
: "${DB_URL:?set DB_URL, DB_USER and DB_PASSWORD}"

trap 'stop_server; mariadb_up || start_mariadb' EXIT
start_server

before="OUTAGE$(date +%s%N)A"
during="OUTAGE$(date +%s%N)B"
[ "$(post_report "$before")" = 200 ] || fail "a callback before the outage was not accepted"

stop_mariadb
sleep 5 # the database probe runs every 2 s
for attempt in 1 2 3; do
    status="$(post_report "$during")"
    log "during the outage, attempt $attempt: HTTP $status"
    [ "$status" = 503 ] || fail "expected 503 while the database is down, got $status"
done

start_mariadb
for _ in $(seq 1 30); do
    status="$(post_report "$during")"
    [ "$status" = 200 ] && break
    [ "$status" = 503 ] || fail "expected 503 or 200 while the database comes back, got $status"
    sleep 1
done
[ "$status" = 200 ] || fail "the retried callback was not accepted after the outage"
log "accepted again after the outage"

await_stored "$before"
await_stored "$during"
log "PASSED: 503 during the outage, every accepted callback stored once"
