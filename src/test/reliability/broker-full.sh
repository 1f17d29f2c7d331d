#!/usr/bin/env bash
# A full broker disk: the server starts with the broker's disk limit below what the disk already
# holds, so Artemis counts it as full. Callbacks and sends must be refused with 503 within a second
# (never a request thread left waiting); once space returns (the limit raised again, and a reload),
# callbacks are accepted and stored. Needs a built target/server. Run from the repository root.
set -euo pipefail
. "$(dirname "$0")/common.sh"
SERVER_CONFIG=standalone-broker-full.xml
SERVER_LOG=target/broker-full-server.log
export SINCH_SIMULATOR=true
RUN="FULL$(date +%s)"
trap 'stop_server; rm -f "$SERVER_DIR/standalone/configuration/$SERVER_CONFIG"' EXIT
SENDER="$(awk '$1 == "it-sender" { print $1 ":" $2 }' "$(dirname "$0")/../server/test-users.txt")"

SERVER_OPTS="-Dsms-tracker.broker.max-disk-usage=1"
start_server
for _ in $(seq 1 30); do grep -q "AMQ222210" "$SERVER_LOG" && break; sleep 1; done
grep -q "AMQ222210" "$SERVER_LOG" || fail "the broker did not find its disk full (AMQ222210)"
log "ok: the broker reports its disk as full"
for i in $(seq 1 10); do
    read -r status seconds <<<"$(post_report_timed "$RUN-refused-$i")"
    [ "$status" = 503 ] || fail "callback $i on a full disk: expected 503, got $status"
    awk -v s="$seconds" 'BEGIN { exit !(s < 1.0) }' || fail "callback $i took $seconds s to be refused"
done
log "ok: 10 callbacks refused with 503, each within a second"
read -r status seconds <<<"$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -u "$SENDER" \
    -H 'Content-Type: application/json' --data '{"to":["+46701231111"],"body":"disk full"}' "$BASE_URL/api/messages")"
[ "$status" = 503 ] || fail "a send on a full disk: expected 503, got $status"
awk -v s="$seconds" 'BEGIN { exit !(s < 1.0) }' || fail "the send took $seconds s to be refused"
log "ok: a send refused with 503 in $seconds s"

log "space returns: the limit raised to 90 %, then a reload (suspended first)"
"$SERVER_DIR/bin/jboss-cli.sh" --connect --commands="/subsystem=messaging-activemq/server=default:write-attribute(name=global-max-disk-usage, value=90),:suspend(suspend-timeout=10),:reload" >/dev/null
sleep 3
for _ in $(seq 1 60); do
    curl -fs -o /dev/null -u "$READER" "$BASE_URL/api/status-events?batchId=ready" && break
    sleep 1
done
for i in $(seq 1 10); do
    status="$(post_report "$RUN-accepted-$i")"
    [ "$status" = 200 ] || fail "callback $i after space returned: expected 200, got $status"
done
for i in $(seq 1 10); do
    await_stored "$RUN-accepted-$i"
    [ "$(stored_count "$RUN-refused-$i")" = 0 ] || fail "a refused callback was stored"
done
log "PASSED: refused within a second while the disk was full, accepted and stored once space returned"
