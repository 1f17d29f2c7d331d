#!/usr/bin/env bash
# A cluster on this machine: NODES nodes of the built server (standalone-full-ha.xml, port offsets
# of 300), HAProxy in front with the configuration of docker/compose.yaml, MariaDB behind. Signed
# callbacks and sends go through the balancer; part-way, the last node is killed with kill -9, and
# started again once the balancer has routed around it. It passes when:
#   - every callback answered 2xx is stored exactly once, and no answer was a 4xx;
#   - every send is answered 2xx in the end (a client retries on 5xx and on no answer, with its
#     Idempotency-Key), stored once, and reached Sinch once;
#   - the balancer marks the dead node down, and up again once it has restarted and rejoined;
#   - a change stored on one node reaches a dashboard watching another (the clustered topic);
#   - a node started with another cluster password is kept out of the cluster, and so is one with
#     the password but another key; what the nodes say over JGroups is unreadable on the network;
#   - a message's reports, accepted by different nodes in either order, leave it at its last status
#     with every report in its history (the order holds without a grouping handler);
#   - a user's sending quota spent on one node holds on the other, and across its restart.
# Figures go to bench/cluster-results.txt (docs/benchmarks.md). Needs a built target/server, haproxy,
# MariaDB with the database of .ci/run, and DB_URL/DB_USER/DB_PASSWORD. From the repository root:
#   bash src/test/reliability/cluster.sh [callbacks, default 20000]
set -euo pipefail
. "$(dirname "$0")/common.sh"
: "${DB_URL:?set DB_URL, DB_USER and DB_PASSWORD}"
command -v haproxy >/dev/null || fail "haproxy is missing: apt-get install haproxy"
command -v tcpdump >/dev/null || fail "tcpdump is missing: apt-get install tcpdump"
COUNT="${1:-20000}"
NODES="${NODES:-2}"
RATE="${RATE:-150}"
SENDS="${SENDS:-200}"
RESULTS="${RESULTS:-bench/cluster-results.txt}"
RUN="CLUSTER$(date +%s)"
WORK=target/cluster
BALANCER=http://127.0.0.1:18080
STATS=http://127.0.0.1:18404/stats
FAKE_SINCH_PORT=18090
VICTIM="node-$NODES"
TEST_CONFIG=standalone-ha-it.xml
SENDER="$(awk '$1 == "it-sender" { print $1 ":" $2 }' "$(dirname "$0")/../server/test-users.txt")"
PIDS=()

# Port offsets of 300 a node: 100 would put node 2's HTTP port on Keycloak's 8180 (CI runs both).
offset() { echo $(( ($1 - 1) * 300 )); }
members() { for i in $(seq 1 "$NODES"); do printf '127.0.0.1[%d],' $(( 7600 + $(offset "$i") )); done | sed 's/,$//'; }
seconds_since() { awk -v ms=$(( $(now_ms) - $1 )) 'BEGIN { printf "%.1f", ms / 1000 }'; }
# node_state NAME -> its state at the balancer (UP, DOWN, ...)
node_state() { curl -fs "$STATS;csv" | awk -F, -v node="$1" '$1 == "nodes" && $2 == node { print $18 }'; }
# await_state NAME STATE SECONDS -> how long (s) until the balancer showed the node in STATE; fails after SECONDS
await_state() {
    local since
    since="$(now_ms)"
    until [ "$(node_state "$1")" = "$2" ]; do
        [ $(( $(now_ms) - since )) -lt $(( $3 * 1000 )) ] || fail "the balancer did not see $1 $2 within $3 s" >&2
        sleep 0.1
    done
    seconds_since "$since"
}
# node_sessions NAME -> how many requests the balancer has sent to it
node_sessions() { curl -fs "$STATS;csv" | awk -F, -v node="$1" '$1 == "nodes" && $2 == node { print $8 }'; }

mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"

cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    pkill -TERM -f -- "-Djboss.server.base.dir=$PWD/$WORK/" 2>/dev/null || true
    for _ in $(seq 1 30); do pgrep -f -- "-Djboss.server.base.dir=$PWD/$WORK/" >/dev/null || break; sleep 1; done
    pkill -KILL -f -- "-Djboss.server.base.dir=$PWD/$WORK/" 2>/dev/null || true
}
trap cleanup EXIT
# every node's ports, and those of the node started with another password
for port in $(for i in $(seq 1 $(( NODES + 1 ))); do echo $(( 8080 + $(offset "$i") )) $(( 9990 + $(offset "$i") )) $(( 7600 + $(offset "$i") )); done) \
    18080 18081 18404 18443 $FAKE_SINCH_PORT; do
    ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || fail "port $port is taken: stop what listens there"
done

# Each node: its own base directory (configuration with the test users, its journal, its logs).
log "preparing $NODES nodes in $WORK"
rm -rf "$WORK"
bash "$(dirname "$0")/../server/prepare.sh" "$SERVER_DIR" standalone-full-ha.xml "$TEST_CONFIG" >/dev/null
for i in $(seq 1 "$NODES"); do
    mkdir -p "$WORK/node-$i/deployments"
    cp -r "$SERVER_DIR/standalone/configuration" "$WORK/node-$i/"
    cp "$SERVER_DIR/standalone/deployments/sms-tracker.war" "$WORK/node-$i/deployments/"
done
rm -f "$SERVER_DIR/standalone/configuration/$TEST_CONFIG"

# Sinch: accepts every batch, never calls back, and lists what it was sent.
java -cp "$CP" dev.smstrack.bench.FakeSinch "$FAKE_SINCH_PORT" "$WORK/sinch-batches.txt" > "$WORK/fake-sinch.log" 2>&1 &
PIDS+=($!)

# The nodes share the database and the cluster password, and send to the fake Sinch.
export SMS_TRACKER_CLUSTER_PASSWORD
SMS_TRACKER_CLUSTER_PASSWORD="$(openssl rand -hex 24)"
export SMS_TRACKER_BROKER_CLUSTER_PASSWORD # the brokers' own, as docs/cluster.md asks
SMS_TRACKER_BROKER_CLUSTER_PASSWORD="$(openssl rand -hex 24)"
# new_cluster_key FILE: a new AES key, as docs/cluster.md makes it, in a store the cluster password opens
new_cluster_key() {
    keytool -genseckey -alias cluster -keyalg AES -keysize 256 -storetype PKCS12 -keystore "$1" \
        -storepass "$SMS_TRACKER_CLUSTER_PASSWORD" >/dev/null 2>&1 || fail "keytool could not make a key in $1"
}
KEYSTORE="$PWD/$WORK/cluster-key.p12"
new_cluster_key "$KEYSTORE"
export ERASURE_KEY # one key for erased numbers on every node, as docs/cluster.md asks
ERASURE_KEY="$(openssl rand -hex 32)"
export SINCH_SERVICE_PLAN_ID=cluster-plan SINCH_API_TOKEN=cluster-token \
    SINCH_API_BASE_URL="http://127.0.0.1:$FAKE_SINCH_PORT" SINCH_FROM=SmsTracker SINCH_RECONCILE_AFTER_SECONDS=86400
start_node() {
    local i="$1"
    "$SERVER_DIR/bin/standalone.sh" -c "$TEST_CONFIG" \
        -Djboss.server.base.dir="$PWD/$WORK/node-$i" -Djboss.node.name="node-$i" \
        -Djboss.socket.binding.port-offset="$(offset "$i")" -Dsms-tracker.cluster.members="$(members)" \
        -Dsms-tracker.cluster.keystore="$KEYSTORE" \
        >>"$WORK/node-$i.log" 2>&1 &
}
await_node() {
    local i="$1" url="http://127.0.0.1:$(( 8080 + $(offset "$1") ))"
    for _ in $(seq 1 180); do
        curl -fs -o /dev/null -u "$READER" "$url/api/status-events?batchId=ready" && return 0
        sleep 1
    done
    fail "node-$i did not start; see $WORK/node-$i.log"
}
# Everything the nodes (and the intruders) say over JGroups, as someone on their network hears it.
jgroups_ports="$(for i in $(seq 1 $(( NODES + 1 ))); do printf 'port %d or ' $(( 7600 + $(offset "$i") )); done)"
tcpdump -i lo -U -w "$WORK/jgroups.pcap" "tcp and (${jgroups_ports% or })" >"$WORK/tcpdump.log" 2>&1 &
CAPTURE=$!
PIDS+=($CAPTURE)
log "starting $NODES nodes (members $(members))"
for i in $(seq 1 "$NODES"); do start_node "$i"; done
for i in $(seq 1 "$NODES"); do await_node "$i"; done
log "every node is up"

# HAProxy, configured as in docker/compose.yaml, with these nodes and a statistics page.
{
    # Plain HTTP only here, for the load (its generator logs in to count what was stored); the
    # compose frontend's HTTPS and its refusal of credentials in clear are checked at the end.
    sed -e 's/^\(    bind \):8080$/\1127.0.0.1:18080/' -e '/^    server node-/d' -e '/ssl crt/d' \
        -e '/ssl_fc/d' docker/haproxy.cfg
    for i in $(seq 1 "$NODES"); do
        echo "    server node-$i 127.0.0.1:$(( 8080 + $(offset "$i") )) port $(( 9990 + $(offset "$i") ))"
    done
    printf '\nfrontend statistics\n    bind 127.0.0.1:18404\n    stats enable\n    stats uri /stats\n'
} > "$WORK/haproxy.cfg"
haproxy -f "$WORK/haproxy.cfg" -db > "$WORK/haproxy.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 30); do
    [ "$(node_state node-1)" = UP ] && [ "$(node_state "$VICTIM")" = UP ] && break
    sleep 1
done
[ "$(node_state "$VICTIM")" = UP ] || fail "the balancer does not see $VICTIM up"

# The topic of message changes crosses nodes: a dashboard on node 1 sees a send stored by node 2
# (which publishes once it has learnt, at its next heartbeat, that some node has a dashboard open).
curl -sN -u "$READER" "http://127.0.0.1:8080/api/message-changes" > "$WORK/node-1-changes.txt" &
WATCHER=$!
PIDS+=("$WATCHER")
seen=""
for n in $(seq 1 25); do
    answer="$(curl -sS -u "$SENDER" "http://127.0.0.1:$(( 8080 + $(offset 2) ))/api/messages" \
        -H 'Content-Type: application/json' -d "{\"to\":[\"+46701234599\"],\"body\":\"$RUN watched $n\"}")"
    id="$(echo "$answer" | python3 -c 'import json, sys; print(json.load(sys.stdin)["messages"][0]["id"])' || true)"
    [ -n "$id" ] || fail "a send through node-2 got no message id: $answer"
    sleep 2
    if grep -q "$id" "$WORK/node-1-changes.txt"; then seen="$id"; break; fi
done
kill "$WATCHER" 2>/dev/null || true
[ -n "$seen" ] || fail "no change stored on node-2 reached a dashboard on node-1"
log "a change stored on node-2 reached a dashboard watching node-1"

# Reports about one message stay ordered across nodes without a grouping handler (docs/cluster.md):
# each report takes the message's row lock and moves its status only forward. For each of ORDERED
# messages, its Dispatched and its Delivered report go to different nodes at the same moment, half
# of them the other way round; each message ends Delivered, with both reports in its history.
ORDERED=20
node_url() { echo "http://127.0.0.1:$(( 8080 + $(offset "$1") ))"; }
curl -fsS -o /dev/null -u "$SENDER" "$(node_url 1)/api/messages" -H 'Content-Type: application/json' \
    -d "{\"to\":[$(seq -f '"+4670777%04.0f"' 1 "$ORDERED" | paste -sd,)],\"body\":\"$RUN ordered\"}" \
    || fail "the send for the ordering check was refused"
ordered_messages() {
    sql "SELECT m.batch_id, m.recipient FROM message m JOIN submission s ON m.client_reference = s.id
         WHERE s.body = '$RUN ordered' AND m.batch_id IS NOT NULL"
}
for _ in $(seq 1 60); do [ "$(ordered_messages | wc -l)" = "$ORDERED" ] && break; sleep 1; done
[ "$(ordered_messages | wc -l)" = "$ORDERED" ] || fail "the $ORDERED messages of the ordering check did not reach Sinch"
report_body() {
    echo "{\"type\":\"recipient_delivery_report_sms\",\"batch_id\":\"$1\",\"recipient\":\"${2#+}\",\"code\":$3,\"status\":\"$4\",\"at\":\"$(date -u +%Y-%m-%dT%H:%M:%S.000Z)\"}"
}
: > "$WORK/ordered-answers.txt"
n=0
while read -r batch recipient; do
    n=$(( n + 1 ))
    first=1 second="$NODES"
    [ $(( n % 2 )) = 0 ] || { first="$NODES"; second=1; }
    post_signed "$(node_url "$first")/api/sinch/callbacks" "$(report_body "$batch" "$recipient" 401 Dispatched)" >> "$WORK/ordered-answers.txt" &
    dispatched=$!
    post_signed "$(node_url "$second")/api/sinch/callbacks" "$(report_body "$batch" "$recipient" 0 Delivered)" >> "$WORK/ordered-answers.txt" &
    wait "$dispatched" $! # not a plain wait: the nodes and the balancer are children of this shell too
    echo >> "$WORK/ordered-answers.txt"
done < <(ordered_messages)
[ "$(grep -o 200 "$WORK/ordered-answers.txt" | wc -l)" = $(( ORDERED * 2 )) ] || fail "reports of the ordering check not answered 200: $(tr '\n' ' ' < "$WORK/ordered-answers.txt")"
ordered_state() {
    sql "SELECT SUM(m.status = 'Delivered'), (SELECT COUNT(*) FROM status_event e JOIN message n ON e.message_id = n.id
         WHERE n.client_reference = s.id) FROM message m JOIN submission s ON m.client_reference = s.id
         WHERE s.body = '$RUN ordered' GROUP BY s.id"
}
for _ in $(seq 1 60); do [ "$(ordered_state)" = "$ORDERED	$(( ORDERED * 2 ))" ] && break; sleep 1; done
[ "$(ordered_state)" = "$ORDERED	$(( ORDERED * 2 ))" ] \
    || fail "messages Delivered and reports in their history, for $ORDERED messages and $(( ORDERED * 2 )) reports: $(ordered_state)"
log "reports about one message accepted by different nodes, in either order: each of $ORDERED messages Delivered, both reports in its history"

# Intruders stay out: one with another cluster password (JGroups' AUTH refuses its request to
# join), one with the password but another key (SYM_ENCRYPT: nothing it says or hears can be read).
INTRUDER="node-$(( NODES + 1 ))"
# cli_on NODE COMMAND: a management command on that node; prints its answer
cli_on() {
    "$SERVER_DIR/bin/jboss-cli.sh" --connect --controller="127.0.0.1:$(( 9990 + $(offset "$1") ))" --command="$2"
}
channel_view() {
    cli_on "$1" '/subsystem=jgroups/channel=ee:read-attribute(name=view)' 2>/dev/null | sed -n 's/.*"result" => "\(.*\)".*/\1/p'
}
# start_intruder WHAT KEYSTORE PASSWORD: starts the intruder (its log afresh) and waits for its start
start_intruder() {
    log "starting $INTRUDER with $1"
    rm -rf "$WORK/$INTRUDER" && mkdir -p "$WORK/$INTRUDER/deployments" && : >"$WORK/$INTRUDER.log"
    cp -r "$WORK/node-1/configuration" "$WORK/$INTRUDER/"
    cp "$WORK/node-1/deployments/sms-tracker.war" "$WORK/$INTRUDER/deployments/"
    KEYSTORE="$2" NODES=$(( NODES + 1 )) SMS_TRACKER_CLUSTER_PASSWORD="$3" start_node $(( NODES + 1 ))
    for _ in $(seq 1 180); do grep -q 'WFLYSRV002[56]' "$WORK/$INTRUDER.log" && break; sleep 1; done
    grep -q 'WFLYSRV002[56]' "$WORK/$INTRUDER.log" || fail "$INTRUDER did not finish its start; see $WORK/$INTRUDER.log"
}
kept_out() {
    local view
    view="$(channel_view 1)"
    case "$view" in
        *"$INTRUDER"*) fail "$INTRUDER joined with $1: node-1's view is $view" ;;
        *"$VICTIM"*) ;;
        *) fail "node-1's view lost $VICTIM: $view" ;;
    esac
    echo "$view"
}
stop_intruder() { pkill -KILL -f -- "-Djboss.server.base.dir=$PWD/$WORK/$INTRUDER " || fail "no $INTRUDER to stop"; }

# Another password: the same key, in a key store that its password opens.
keytool -importkeystore -srckeystore "$KEYSTORE" -srcstoretype PKCS12 -srcstorepass "$SMS_TRACKER_CLUSTER_PASSWORD" \
    -destkeystore "$WORK/intruder-password.p12" -deststoretype PKCS12 -deststorepass "not-$SMS_TRACKER_CLUSTER_PASSWORD" \
    >/dev/null 2>&1 || fail "keytool could not copy the cluster's key"
start_intruder "another cluster password" "$PWD/$WORK/intruder-password.p12" "not-$SMS_TRACKER_CLUSTER_PASSWORD"
view="$(kept_out "another password")"
# kept out by AUTH, not by anything else that can fail a start
grep -q 'SecurityException: authentication failed' "$WORK/$INTRUDER.log" || fail "$INTRUDER was not refused by AUTH; see $WORK/$INTRUDER.log"
stop_intruder
log "$INTRUDER, with another password, was kept out of the cluster (node-1's view: $view)"

# The password, but a key of its own: its request to join cannot be decrypted (the coordinator logs
# that it rejected it), and whatever the members send it cannot be decrypted either.
new_cluster_key "$WORK/intruder-key.p12"
start_intruder "the cluster password but another key" "$PWD/$WORK/intruder-key.p12" "$SMS_TRACKER_CLUSTER_PASSWORD"
# One grep, no pipe: with pipefail, `grep | grep -q` fails when -q stops reading early (SIGPIPE).
rejected="rejected decryption of .* from non-member $INTRUDER"
members_logs=("$WORK"/node-[1-$NODES]/log/server.log)
for _ in $(seq 1 60); do grep -qhE "$rejected" "${members_logs[@]}" && break; sleep 1; done
grep -qhE "$rejected" "${members_logs[@]}" \
    || fail "no member rejected what $INTRUDER, with another key, sent; see ${members_logs[*]}"
view="$(kept_out "another key")"
intruder_view="$(channel_view $(( NODES + 1 )))"
case "$intruder_view" in *node-1*) fail "$INTRUDER, with another key, sees node-1: its view is $intruder_view" ;; esac
# The members speak to it only when one of them leads an attempt to merge with it (MERGE3).
for _ in $(seq 1 15); do grep -qF "$rejected" "$WORK/$INTRUDER.log" && break; sleep 1; done
heard="$(grep -F "$rejected" "$WORK/$INTRUDER.log" | grep -c 'non-member node-' || true)"
stop_intruder
log "$INTRUDER, with another key, was kept out (node-1's view: $view; its own: $intruder_view); the coordinator rejected what it sent; it could decrypt none of the $heard message(s) the members sent it"

# Someone on the nodes' network reads nothing of what they say: without SYM_ENCRYPT the same capture
# names the brokers' connectors (activemq-cluster, http-connector), Infinispan's configurations and
# the product's timers (sms-tracker.war...) hundreds of times (docs/cluster.md); only discovery's
# node names may show.
kill "$CAPTURE"
wait "$CAPTURE" 2>/dev/null || true
captured="$(stat -c %s "$WORK/jgroups.pcap")"
[ "$captured" -gt 20000 ] || fail "tcpdump captured only $captured bytes of JGroups traffic; see $WORK/tcpdump.log"
leaked="$(strings -n 8 "$WORK/jgroups.pcap" | grep -E 'activemq|infinispan|sms-tracker|http-connector|PERSISTENT' | sort | uniq -c | head -5 || true)"
[ -z "$leaked" ] || fail "what the nodes say over JGroups is readable on the network: $leaked"
log "JGroups traffic heard on the network ($captured bytes, the intruders' included): nothing readable"

# Sends, one after another through the balancer, each retried with its key until it is answered 2xx.
send_all() {
    local k key status tries
    for k in $(seq 1 "$SENDS"); do
        key="$RUN-send-$k"
        for tries in $(seq 1 60); do
            status="$(curl -s -o "$WORK/send.json" -w '%{http_code}' --max-time 30 -u "$SENDER" "$BALANCER/api/messages" \
                -H 'Content-Type: application/json' -H "Idempotency-Key: $key" \
                -d "{\"to\":[\"+46701234598\"],\"body\":\"$RUN send $k\"}")" || true
            case "$status" in
                2??) sed -n 's/.*"requestId":"\([^"]*\)".*/\1\n/p' "$WORK/send.json" | head -1 >> "$WORK/sends-accepted.txt"; break ;;
                5??|000) echo "$status" >> "$WORK/sends-retried.txt"; sleep 0.5 ;;
                *) echo "send $k answered $status: $(cat "$WORK/send.json")" >> "$WORK/sends-refused.txt"; return ;;
            esac
        done
    done
}
: > "$WORK/sends-accepted.txt"; : > "$WORK/sends-retried.txt"; : > "$WORK/sends-refused.txt"
log "sending $COUNT callbacks at $RATE/s and $SENDS sends through the balancer"
java -cp "$CP" dev.smstrack.bench.LoadGenerator --target "$BALANCER" --count "$COUNT" --rate "$RATE" \
    --duration 600 --concurrency 32 --secret "$SECRET" --prefix "$RUN" --accepted-file "$WORK/accepted.txt" \
    > "$WORK/load.txt" &
LOAD=$!
send_all &
SENDING=$!
PIDS+=("$LOAD" "$SENDING")

sleep "${KILL_AFTER_SECONDS:-8}"
log "kill -9 $VICTIM (it had $(node_sessions "$VICTIM") requests)"
pkill -KILL -f -- "-Djboss.server.base.dir=$PWD/$WORK/$VICTIM " || fail "no $VICTIM to kill"
ROUTED_AROUND="$(await_state "$VICTIM" DOWN 30)"
log "the balancer marked $VICTIM down after $ROUTED_AROUND s"

sleep 3
log "starting $VICTIM again (its journal holds what it had accepted)"
start_node "$NODES"
REJOINED="$(await_state "$VICTIM" UP 180)"
log "$VICTIM is back in the balancer after $REJOINED s"
wait "$LOAD"
wait "$SENDING"
cat "$WORK/load.txt"
# The balancer sends the restarted node its share again.
sessions_before="$(node_sessions "$VICTIM")"
for _ in $(seq 1 10); do curl -fs -o /dev/null -u "$READER" "$BALANCER/api/status-events?batchId=ready" || true; done
[ "$(node_sessions "$VICTIM")" -gt "$sessions_before" ] || fail "the balancer sent nothing to $VICTIM after it rejoined"
# The balancer logs each request, but no phone number asked for in a query string.
curl -fs -o /dev/null -u "$READER" "$BALANCER/api/messages?recipient=%2B46709990001" || fail "a read by recipient failed"
sleep 1
grep -q "GET /api/messages " "$WORK/haproxy.log" || fail "the balancer logged no request: see $WORK/haproxy.log"
! grep -q "46709990001" "$WORK/haproxy.log" || fail "the balancer logged a phone number: $(grep 46709990001 "$WORK/haproxy.log")"

# Callbacks: every one answered 2xx stored exactly once; the balancer's 502/503/504 are retried.
check_answers "$WORK/load.txt" '50[234]'
check_stored_once "$RUN" "$WORK/accepted.txt"
answers="$(sed -n 's/^answers by status {\(.*\)}$/\1/p' "$WORK/load.txt")"
no_answer="$(sed -n "s/.*no answer \(.*\)$/\1/p" "$WORK/load.txt")"

# Sends: each answered in the end, stored once, and sent to Sinch once.
[ ! -s "$WORK/sends-refused.txt" ] || fail "sends refused: $(head -3 "$WORK/sends-refused.txt")"
sent="$(sort -u "$WORK/sends-accepted.txt" | wc -l)"
[ "$sent" = "$SENDS" ] || fail "only $sent of $SENDS sends were answered 2xx (distinct requests)"
stored_sends="$(sql "SELECT COUNT(*) FROM submission WHERE body LIKE '$RUN send %'")"
[ "$stored_sends" = "$SENDS" ] || fail "$stored_sends send requests stored for $SENDS sends"
# A send whose queue entry the kill caught in flight (committed in the database, not in the node's
# journal) is resumed by reconciliation: after the send budget and its interval (3 minutes), and
# after the dead node's reconciliation lease ran out (3 more at most). Waited for, not timed.
for _ in $(seq 1 200); do
    at_sinch="$(sort -u "$WORK/sinch-batches.txt" | join - <(sort -u "$WORK/sends-accepted.txt") | wc -l)"
    [ "$at_sinch" = "$SENDS" ] && break
    sleep 2
done
[ "$at_sinch" = "$SENDS" ] || fail "only $at_sinch of $SENDS sends reached Sinch"
doubled="$(sort "$WORK/sinch-batches.txt" | uniq -d | join - <(sort -u "$WORK/sends-accepted.txt") | wc -l)"
[ "$doubled" = 0 ] || fail "$doubled sends reached Sinch twice"

# The compose frontend as it is: HTTPS with a certificate from a file, and no credentials in clear.
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 -keyout "$WORK/key.pem" -out "$WORK/cert.pem" 2>/dev/null
cat "$WORK/cert.pem" "$WORK/key.pem" > "$WORK/tls.pem"
{
    sed -e 's/^\(    bind \):8080$/\1127.0.0.1:18081/' -e "s#^\\(    bind \\):8443 ssl crt .*#\\1127.0.0.1:18443 ssl crt $WORK/tls.pem#" \
        -e 's/:8443 code 308/:18443 code 308/' -e '/^    server node-/d' docker/haproxy.cfg
    echo "    server node-1 127.0.0.1:$(( 8080 + $(offset 1) )) port $(( 9990 + $(offset 1) ))"
} > "$WORK/haproxy-tls.cfg"
haproxy -f "$WORK/haproxy-tls.cfg" -db > "$WORK/haproxy-tls.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 30); do curl -sk -o /dev/null "https://127.0.0.1:18443/health" && break; sleep 0.5; done
sleep 3 # the node's first health checks
[ "$(curl -sk -o /dev/null -w '%{http_code}' -u "$READER" https://127.0.0.1:18443/api/me)" = 200 ] \
    || fail "a login over the balancer's HTTPS was not answered 200"
[ "$(curl -s -o /dev/null -w '%{http_code}' -u "$READER" http://127.0.0.1:18081/api/me)" = 403 ] \
    || fail "credentials over the balancer's plain HTTP were not refused"
[ "$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' http://127.0.0.1:18081/api/me)" = "308 https://127.0.0.1:18443/api/me" ] \
    || fail "plain HTTP was not sent on to HTTPS: $(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' http://127.0.0.1:18081/api/me)"
log "ok: the balancer serves HTTPS, refuses credentials over plain HTTP and sends plain HTTP on to HTTPS"

# The sending guard's counts are the cluster's, and outlive a node: it-limited spends its quota on
# node-1, then node-2 refuses it, before and after node-2 is killed and started again.
LIMITED="$(awk '$1 == "it-limited" { print $1 ":" $2 }' "$(dirname "$0")/../server/test-users.txt")"
limited_today() {
    curl -fs -u "$READER" "$(node_url 1)/api/sending-guard" | python3 -c '
import json, sys
print(next((u["today"] for u in json.load(sys.stdin)["users"] if u["user"] == "it-limited"), 0))'
}
# send_as_limited NODE RECIPIENTS -> the HTTP status
send_as_limited() {
    local to
    to="$(seq -f '"+4670555%04.0f"' 1 "$2" | paste -sd,)"
    curl -s -o "$WORK/guarded.json" -w '%{http_code}' -u "$LIMITED" -H 'Content-Type: application/json' \
        "$(node_url "$1")/api/messages" --data-binary "{\"to\":[$to],\"body\":\"guarded\"}"
}
QUOTA=$(( $(limited_today) + 3 ))
for i in $(seq 1 "$NODES"); do cli_on "$i" "/system-property=sending.daily.quota.per.user:add(value=$QUOTA)" >/dev/null; done
[ "$(send_as_limited 1 3)" = 202 ] || fail "it-limited could not send its quota on node-1: $(cat "$WORK/guarded.json")"
[ "$(send_as_limited "$NODES" 1)" = 429 ] || fail "$VICTIM did not see the quota spent on node-1: $(cat "$WORK/guarded.json")"
pkill -KILL -f -- "-Djboss.server.base.dir=$PWD/$WORK/$VICTIM " || fail "no $VICTIM to kill"
sleep 1
start_node "$NODES"
await_node "$NODES"
[ "$(send_as_limited "$NODES" 1)" = 429 ] || fail "$VICTIM forgot the quota spent once it restarted: $(cat "$WORK/guarded.json")"
for i in $(seq 1 "$NODES"); do cli_on "$i" "/system-property=sending.daily.quota.per.user:remove" >/dev/null; done
log "ok: the sending quota spent on node-1 held on $VICTIM, and across its kill -9 and restart"

{
    echo "# src/test/reliability/cluster.sh $COUNT ($(date -u +%Y-%m-%dT%H:%M:%SZ)): $NODES nodes and HAProxy on one machine,"
    echo "# MariaDB; callbacks offered at $RATE/s and $SENDS sends through the balancer; kill -9 $VICTIM mid-load, then restarted."
    echo "callbacks offered          $COUNT"
    echo "answered by status         {$answers}, no answer $no_answer"
    echo "accepted (2xx)             $ACCEPTED_COUNT"
    echo "stored                     $STORED_COUNT (lost 0, duplicates 0)"
    echo "reports across nodes       $ORDERED messages, Dispatched and Delivered at once on different nodes: each Delivered, both in its history"
    echo "sends                      $SENDS, each answered 2xx, stored once, at Sinch once; $(wc -l < "$WORK/sends-retried.txt") attempts retried"
    echo "marked down by the balancer $ROUTED_AROUND s after kill -9"
    echo "back in the balancer        $REJOINED s after its restart"
} > "$RESULTS"
cat "$RESULTS"
log "PASSED: nothing lost or doubled when $VICTIM died; it rejoined"
