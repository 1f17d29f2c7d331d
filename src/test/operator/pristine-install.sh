#!/usr/bin/env bash
# The operator's path, as the README gives it, on a pristine WildFly 39 unpacked from its
# distribution (the one the build provisions from), against MariaDB: wildfly-config/install.sh
# refuses a server without DB_URL and a wrong WAR path (and leaves the server serving), installs,
# answers a signed callback and a send, and, run again, changes nothing and leaves no reload
# pending. Needs: mvn package, MariaDB with the database and user of .ci/run, curl, openssl.
#     bash src/test/operator/pristine-install.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
VERSION="$(sed -n 's:.*<version.wildfly>\(.*\)</version.wildfly>.*:\1:p' pom.xml)"
DIST="${HOME}/.m2/repository/org/wildfly/wildfly-dist/$VERSION/wildfly-dist-$VERSION.zip"
PRISTINE=target/pristine
export DB_URL="${DB_URL:-jdbc:mysql://127.0.0.1:3306/sms_tracker}" DB_USER="${DB_USER:-sms_tracker}" DB_PASSWORD="${DB_PASSWORD:-sms_tracker}"
DB_NAME="${DB_URL##*/}"
BASE_URL=http://127.0.0.1:8080
LOG=target/pristine-server.log
SERVER_PID=""

log() { printf '%s  %s\n' "$(date +%H:%M:%S)" "$*"; }
fail() { log "FAILED: $*"; exit 1; }
sql() { mysql -h127.0.0.1 -u"$DB_USER" -p"$DB_PASSWORD" -N -B "$DB_NAME" -e "$1"; }
cli() { "$JBOSS_HOME/bin/jboss-cli.sh" --connect --command="$1" 2>/dev/null; }
start() { # environment assignments as arguments
    log "starting the pristine WildFly $*"
    env "$@" "$JBOSS_HOME/bin/standalone.sh" -c standalone-full.xml >>"$LOG" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 90); do
        cli ':read-attribute(name=server-state)' | grep -q running && return 0
        sleep 1
    done
    fail "the pristine server did not start; see $LOG"
}
stop() {
    [ -n "$SERVER_PID" ] || return 0
    log "stopping the pristine WildFly"
    pkill -TERM -P "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
}
trap stop EXIT

[ -f "$DIST" ] || fail "no WildFly distribution at $DIST: run mvn package first"
[ -f target/sms-tracker.war ] || fail "no target/sms-tracker.war: run mvn package first"
rm -rf "$PRISTINE" && mkdir -p "$PRISTINE"
python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$DIST" "$PRISTINE"
JBOSS_HOME="$(cd "$PRISTINE"/wildfly-* && pwd)"
chmod +x "$JBOSS_HOME"/bin/*.sh
: >"$LOG"
sql "SELECT table_name FROM information_schema.tables WHERE table_schema = '$DB_NAME'" \
    | while read -r table; do sql "SET FOREIGN_KEY_CHECKS = 0; DROP TABLE \`$table\`"; done
log "pristine WildFly $VERSION at $JBOSS_HOME"

# 1. Started without the database's settings: refused before anything changes, saying what to set.
start SINCH_WEBHOOK_SECRETS=operator-secret DB_URL= DB_USER= DB_PASSWORD=
out="$(wildfly-config/install.sh "$JBOSS_HOME" 2>&1 || true)"
echo "$out" | grep -q "started without DB_URL" || fail "no DB_URL was not named: $out"
[ ! -d "$JBOSS_HOME/modules/com/mysql" ] || fail "it changed the server before refusing"
log "refused without DB_URL: $(echo "$out" | tail -1)"
stop

start SINCH_WEBHOOK_SECRETS=operator-secret SINCH_SIMULATOR=true "DB_URL=$DB_URL" "DB_USER=$DB_USER" "DB_PASSWORD=$DB_PASSWORD"
# 2. A wrong WAR path: refused, and the server is neither suspended nor changed.
out="$(wildfly-config/install.sh "$JBOSS_HOME" target/no-such.war 2>&1 || true)"
echo "$out" | grep -q "no WAR at target/no-such.war" || fail "a wrong WAR path was not named: $out"
cli ':read-attribute(name=suspend-state)' | grep -q RUNNING || fail "the server was left suspended"
log "refused a wrong WAR path, the server still running"

# 3. Installed.
wildfly-config/install.sh "$JBOSS_HOME" | sed 's/^/    /'
cli ':read-attribute(name=suspend-state)' | grep -q RUNNING || fail "the server was left suspended"
"$JBOSS_HOME/bin/add-user.sh" -a -s -u operator -p operator-password -g sms-sender,sms-reader,sms-operator >/dev/null
for _ in $(seq 1 30); do curl -fs -o /dev/null -u operator:operator-password "$BASE_URL/api/me" && break; sleep 1; done

# 4. A send through it (to the simulator), and a signed callback about it.
sent="$(curl -fsS -u operator:operator-password "$BASE_URL/api/messages" -H 'Content-Type: application/json' \
    -d '{"to":["+46701234500"],"body":"installed by the operator path"}')"
id="$(echo "$sent" | python3 -c 'import json, sys; print(json.load(sys.stdin)["messages"][0]["id"])')"
body='{"type":"recipient_delivery_report_sms","batch_id":"01OPERATOR","recipient":"46701234599","code":0,"status":"Delivered","at":"2026-01-02T03:04:05.678Z"}'
nonce="$(cat /proc/sys/kernel/random/uuid)"; ts="$(date +%s)"
sig="$(printf '%s.%s.%s' "$body" "$nonce" "$ts" | openssl dgst -sha256 -hmac operator-secret -binary | base64)"
code="$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/api/sinch/callbacks" -H 'Content-Type: application/json' \
    -H "x-sinch-webhook-signature: $sig" -H 'x-sinch-webhook-signature-algorithm: HmacSHA256' \
    -H "x-sinch-webhook-signature-nonce: $nonce" -H "x-sinch-webhook-signature-timestamp: $ts" --data-binary "$body")"
[ "$code" = 200 ] || fail "the signed callback was answered $code"
for _ in $(seq 1 30); do
    delivered="$(curl -fsS -u operator:operator-password "$BASE_URL/api/messages/$id" | python3 -c 'import json, sys; print(json.load(sys.stdin)["status"])')"
    stored="$(sql "SELECT COUNT(*) FROM status_event WHERE batch_id = '01OPERATOR'")"
    [ "$stored" = 1 ] && [ "$delivered" != PENDING ] && break
    sleep 1
done
[ "$stored" = 1 ] || fail "the signed callback was not stored"
[ "$delivered" != PENDING ] || fail "the send did not reach the simulator"
log "a send ($delivered) and a signed callback (stored) through the installed product"

# 5. Again: nothing changes, no reload is left pending, and the server is serving.
out="$(wildfly-config/install.sh "$JBOSS_HOME" 2>&1)"
echo "$out" | sed 's/^/    /'
echo "$out" | grep -q "reloading" && fail "a second run reloaded the server: the script is not idempotent"
cli ':read-attribute(name=server-state)' | grep -q '"running"' || fail "a second run left the server $(cli ':read-attribute(name=server-state)')"
cli ':read-attribute(name=suspend-state)' | grep -q RUNNING || fail "the server was left suspended"
log "PASSED: the operator's path on a pristine WildFly"
