#!/usr/bin/env bash
# Interrupt the server while callbacks are being sent, and check that every callback that got a 2xx
# is stored exactly once (the rest were answered 503 or not at all; never another 4xx or 5xx).
#   kill:   kill -9 the server, then start it again
#   reload: suspend the server, then reload it in place (broker, datasource and deployment restart)
#   redeploy: deploy the WAR again over the running one, the way the README tells operators to:
#             suspend the server (new requests get 503), replace the deployment, resume
# Needs a built target/server, MariaDB with the database of .ci/run, and DB_URL/DB_USER/DB_PASSWORD.
# Run from the repository root:  bash src/test/reliability/crash.sh [callbacks, default 20000] [kill|reload|redeploy]
set -euo pipefail
. "$(dirname "$0")/common.sh"
: "${DB_URL:?set DB_URL, DB_USER and DB_PASSWORD}"
COUNT="${1:-20000}"
ACTION="${2:-kill}"
RUN="CRASH$(date +%s)"
ACCEPTED=target/crash-accepted.txt

mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"

cleanup() {
    stop_server
    rm -f "$SERVER_DIR/standalone/configuration/$SERVER_CONFIG" "$SERVER_DIR/standalone/deployments/"*.undeployed
}
trap cleanup EXIT
rm -f "$SERVER_DIR/standalone/configuration/$SERVER_CONFIG" # a fresh copy of standalone-it.xml
start_server
log "sending $COUNT callbacks; the server gets a $ACTION part-way"
java -cp "$CP" dev.smstrack.bench.LoadGenerator --count "$COUNT" --duration 600 --concurrency 32 \
    --secret "$SECRET" --prefix "$RUN" --accepted-file "$ACCEPTED" > target/crash-load.txt &
LOAD=$!
sleep "${INTERRUPT_AFTER_SECONDS:-3}"
if [ "$ACTION" = kill ]; then
    log "kill -9"
    pkill -9 -f jboss-modules.jar
    SERVER_PID=""
    wait "$LOAD"
    start_server
elif [ "$ACTION" = reload ]; then
    log "reload (suspended first, as the README says: a plain reload answers 404 while it stops)"
    "$SERVER_DIR/bin/jboss-cli.sh" --connect --commands=":suspend(suspend-timeout=30),:reload" >/dev/null
    wait "$LOAD"
else
    log "redeploy"
    "$SERVER_DIR/bin/jboss-cli.sh" --connect \
        --commands=":suspend(suspend-timeout=30),deploy --force target/sms-tracker.war,:resume" >/dev/null
    wait "$LOAD"
fi
cat target/crash-load.txt
check_answers target/crash-load.txt
check_stored_once "$RUN" "$ACCEPTED"
log "PASSED: every accepted callback stored exactly once after the $ACTION"
