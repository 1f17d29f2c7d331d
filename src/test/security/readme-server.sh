#!/usr/bin/env bash
# The attacks of issues 9, 26 and 27, tried against the server as the README starts it (target/server, the
# built configuration plus the test users): first without SINCH_SIMULATOR, as a production install
# with only SINCH_WEBHOOK_SECRETS set, then with the README's demo setting. Needs a built
# target/server. Run from the repository root.
set -euo pipefail
. "$(dirname "$0")/../reliability/common.sh"
export SINCH_WEBHOOK_SECRETS=demo-secret
SERVER_CONFIG=standalone-readme.xml
SERVER_LOG=target/readme-server.log
trap 'stop_server; rm -f "$SERVER_DIR/standalone/configuration/$SERVER_CONFIG"' EXIT

user() { awk -v name="$1" '$1 == name { print $1 ":" $2 }' "$(dirname "$0")/../server/test-users.txt"; }
SENDER="$(user it-sender)"
SEND='{"to":["+46701239876"],"body":"toll fraud","from":"YourBank"}'
# status METHOD PATH [curl options] -> the HTTP status
status() { curl -s -o /dev/null -w '%{http_code}' -X "$1" "$BASE_URL$2" "${@:3}"; }
expect() { # expect STATUS WHAT METHOD PATH [curl options]
    local got
    got="$(status "${@:3}")"
    [ "$got" = "$1" ] || fail "$2: expected $1, got $got"
    log "ok: $2 -> $got"
}
total() { curl -fs -u "$READER" "$BASE_URL$1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p'; }

log "== a receive-only install: SINCH_WEBHOOK_SECRETS only, no Sinch credentials, no simulator"
unset SINCH_SIMULATOR
start_server
expect 401 "an anonymous send" POST /api/messages -H 'Content-Type: application/json' --data "$SEND"
challenge="$(curl -s -o /dev/null -D - "$BASE_URL/api/messages" | tr -d '\r' | sed -n 's/^WWW-Authenticate: //Ip')"
case "$challenge" in Basic*) log "ok: the challenge is $challenge" ;; *) fail "no Basic challenge: $challenge" ;; esac
for path in /api/messages /api/messages/x /api/status-events?batchId=x /api/status-events/unmatched \
    /api/inbound-messages /api/received-callbacks /api/received-callbacks/x /api/send-requests/x /api/dead-letters; do
    expect 401 "an anonymous read of $path" GET "$path"
done
expect 401 "an anonymous dead-letter replay" POST /api/dead-letters/x/replay
expect 403 "a send by a reader" POST /api/messages -u "$(user it-reader)" -H 'Content-Type: application/json' --data "$SEND"
before="$(total /api/messages)"
expect 503 "a send while Sinch is not configured" POST /api/messages -u "$SENDER" \
    -H 'Content-Type: application/json' --data "$SEND"
[ "$(total /api/messages)" = "$before" ] || fail "a send that answered 503 stored messages"
log "ok: nothing stored"
expect 404 "the simulator, off" POST /api/sinch-simulator/xms/v1/x/batches -H 'Authorization: Bearer x' \
    -H 'Content-Type: application/json' --data '{"to":["+46701239876"],"body":"x","callback_url":"http://127.0.0.1:9/"}'
grep -q "Sinch is not configured: sending answers 503" "$SERVER_LOG" || fail "no warning that Sinch is not configured"
log "ok: the start warned that Sinch is not configured"
stop_server

log "== the README's demo: SINCH_SIMULATOR=true"
export SINCH_SIMULATOR=true
start_server
grep -q "The Sinch SIMULATOR is ON" "$SERVER_LOG" || fail "no warning that the simulator is on"
log "ok: the start warned that the simulator is on"
expect 401 "the simulator with a token of the caller's choosing" POST /api/sinch-simulator/xms/v1/x/batches \
    -H 'Authorization: Bearer simulator' -H 'Content-Type: application/json' --data '{"to":["+46701239876"],"body":"x"}'
expect 202 "a send by a sender" POST /api/messages -u "$SENDER" -H 'Content-Type: application/json' --data "$SEND"

log "== management: Prometheus's user (add-user.sh -m -g Monitor) scrapes, and administers nothing"
MONITOR=it-monitor:it-monitor-password
management() { curl -s -u "$1" -H 'Content-Type: application/json' http://127.0.0.1:9990/management --data "$2"; }
[ "$(curl -s -o /dev/null -w '%{http_code}' -u "$MONITOR" http://127.0.0.1:9990/metrics)" = 200 ] \
    || fail "the Monitor user cannot scrape /metrics"
log "ok: the Monitor user scrapes /metrics"
for attack in '{"operation":"resolve-expression","expression":"${env.SINCH_WEBHOOK_SECRETS}"}' \
    '{"operation":"read-attribute","address":[{"subsystem":"datasources"},{"data-source":"SmsTrackerDS"}],"name":"password"}' \
    '{"operation":"add","address":[{"system-property":"readme-attack"}],"value":"x"}' \
    '{"operation":"write-attribute","address":[{"subsystem":"undertow"}],"name":"statistics-enabled","value":true}'; do
    answer="$(management "$MONITOR" "$attack")"
    [[ "$answer" == *"Permission denied"* ]] || fail "the Monitor user was not refused $attack: $answer"
    [[ "$answer" != *demo-secret* ]] || fail "the Monitor user read the webhook secret"
    log "ok: refused to the Monitor user: $attack"
done
[[ "$(management it-admin:it-admin-password '{"operation":"resolve-expression","expression":"${env.SINCH_WEBHOOK_SECRETS}"}')" == *demo-secret* ]] \
    || fail "a management user outside group Monitor is no longer an administrator"
log "ok: a management user outside group Monitor still administers"

log "== erasure, reads, logins, streams and forged callbacks (issue 26)"
OPERATOR="$(user it-operator)"
expect 400 "an erasure of +1 (it would match other people's numbers)" POST /api/erasures -u "$OPERATOR" \
    -H 'Content-Type: application/json' --data '{"phoneNumber":"+1"}'
expect 404 "the old erasure, with the number in its URL" DELETE /api/phone-numbers/+46701239876 -u "$OPERATOR"
expect 400 "a page 10,000 items deep" GET '/api/messages?page=100&size=100' -u "$READER"
for i in 1 2 3 4 5; do
    expect 401 "guess $i of a password" GET /api/me -u "readme-guesser:guess-$i"
done
expect 429 "the sixth guess" GET /api/me -u "readme-guesser:guess-6"
expect 200 "another user, from the same address" GET /api/me -u "$READER"
streams=()
for i in $(seq 1 20); do
    curl -s -N -u "$READER" "$BASE_URL/api/message-changes" >/dev/null 2>&1 &
    streams+=($!)
done
sleep 2
expect 429 "a 21st live stream of one user" GET /api/message-changes -u "$READER" --max-time 5
kill "${streams[@]}" 2>/dev/null || true
log_end="$(wc -l < "$SERVER_LOG")"
for i in $(seq 1 100); do
    curl -s -o /dev/null -X POST "$BASE_URL/api/sinch/callbacks" -H 'Content-Type: application/json' \
        -H 'x-sinch-webhook-signature-algorithm: HmacSHA256' -H "x-sinch-webhook-signature-nonce: readme-$i" \
        -H "x-sinch-webhook-signature-timestamp: $(date +%s)" -H 'x-sinch-webhook-signature: Zm9yZ2Vk' \
        --data '{"type":"recipient_delivery_report_sms","batch_id":"X","recipient":"46701239876","status":"Delivered","code":0,"at":"2026-01-02T03:04:05.678Z"}'
done
sleep 1
lines="$(tail -n +"$((log_end + 1))" "$SERVER_LOG" | grep -c "Refused a callback" || true)"
[ "$lines" -le 5 ] || fail "100 forged callbacks wrote $lines log lines"
log "ok: 100 forged callbacks wrote $lines log lines"
grep -q "SENDING_ALLOWED_PREFIXES is not set" "$SERVER_LOG" || fail "no warning that any destination may be sent to"
log "ok: the start warned that sending is unguarded"
stop_server

log "== a leaked sender password against the sending guard (issue 27), set in the environment"
export SENDING_ALLOWED_PREFIXES=+4670 SENDING_ALLOWED_SENDERS=Alerts SENDING_RATE_PER_USER_PER_MINUTE=3
start_server
! grep -q "SENDING_ALLOWED_PREFIXES is not set" "$SERVER_LOG" || fail "warned of no prefixes while they are set"
send_as_sender() { curl -s -o target/guarded.json -w '%{http_code}' -D target/guarded.headers -u "$SENDER" \
    -H 'Content-Type: application/json' "$BASE_URL/api/messages" --data "$1"; }
[ "$(send_as_sender '{"to":["+46701239876","+19005550100"],"body":"premium"}')" = 400 ] \
    && grep -q '"field":"to\[1\]"' target/guarded.json || fail "a premium-rate destination was not refused: $(cat target/guarded.json)"
log "ok: a premium-rate destination refused, by its place in the list"
[ "$(send_as_sender '{"to":["+46701239876"],"body":"your account","from":"YourBank"}')" = 400 ] \
    && grep -q '"field":"from"' target/guarded.json || fail "a bank's name as sender was not refused: $(cat target/guarded.json)"
log "ok: a sender name not allowed refused"
while [ $(( $(date +%s) % 60 )) -ge 55 ]; do sleep 1; done # the rate counts in whole minutes
for i in 1 2 3; do
    [ "$(send_as_sender "{\"to\":[\"+4670123987$i\"],\"body\":\"burst $i\",\"from\":\"Alerts\"}")" = 202 ] \
        || fail "send $i of the rate was refused: $(cat target/guarded.json)"
done
[ "$(send_as_sender '{"to":["+46701239874"],"body":"one too many","from":"Alerts"}')" = 429 ] \
    && grep -qi '^Retry-After: [0-9]' target/guarded.headers || fail "a send past the rate was not 429 with Retry-After: $(cat target/guarded.json)"
log "ok: a send past the rate refused with 429 and Retry-After"
unset SENDING_ALLOWED_PREFIXES SENDING_ALLOWED_SENDERS SENDING_RATE_PER_USER_PER_MINUTE
log "PASSED: the server the README starts refuses every attack tried"
