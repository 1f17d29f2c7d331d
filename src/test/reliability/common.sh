# Shared by the reliability scripts: start and stop the provisioned server and MariaDB, sign and
# send callbacks the way Sinch does, and read what the product stored. Source it; do not run it.

SERVER_DIR="${SERVER_DIR:-target/server}"
BASE_URL="${BASE_URL:-http://127.0.0.1:8080}"
export SINCH_WEBHOOK_SECRETS="${SINCH_WEBHOOK_SECRETS:-reliability-test-secret}"
SECRET="${SINCH_WEBHOOK_SECRETS%%,*}"
SERVER_LOG="${SERVER_LOG:-target/reliability-server.log}"
# A copy of the tests' configuration (standalone-full.xml with the test users), so that what a script
# changes (a redeployed WAR) stays out of the configurations that the tests and the run command use.
SERVER_CONFIG=standalone-reliability.xml
SERVER_PID=""
# The read API needs a user: the test user with every role (src/test/server/test-users.txt).
READER="$(awk '$1 == "it-ops" { print $1 ":" $2 }' "$(dirname "${BASH_SOURCE[0]}")/../server/test-users.txt")"

log() { printf '%s  %s\n' "$(date +%H:%M:%S)" "$*"; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# ready: the node on 127.0.0.1:9990 reports ready (the product deployed, its migrations checked)
ready() { curl -fs -o /dev/null http://127.0.0.1:9990/health/ready; }
fail() { log "FAILED: $*"; exit 1; }

# The tests' configuration (standalone-it.xml), made again when a build has changed standalone-full.xml.
prepare_test_configuration() {
    local configuration="$SERVER_DIR/standalone/configuration"
    [ "$configuration/standalone-it.xml" -nt "$configuration/standalone-full.xml" ] \
        || bash "$(dirname "${BASH_SOURCE[0]}")/../server/prepare.sh" "$SERVER_DIR"
}

start_server() {
    log "starting WildFly ($SERVER_DIR)"
    local configuration="$SERVER_DIR/standalone/configuration"
    prepare_test_configuration
    # A new build's configuration replaces the copy; a restart within a script keeps it.
    [ "$configuration/$SERVER_CONFIG" -nt "$configuration/standalone-it.xml" ] \
        || cp "$configuration/standalone-it.xml" "$configuration/$SERVER_CONFIG"
    # A redeploy through the CLI leaves the scanner a marker that would keep the WAR undeployed.
    rm -f "$SERVER_DIR/standalone/deployments/"*.undeployed
    # shellcheck disable=SC2086 # SERVER_OPTS: extra system properties, split on spaces
    "$SERVER_DIR/bin/standalone.sh" -c "$SERVER_CONFIG" ${SERVER_OPTS:-} >"$SERVER_LOG" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 120); do
        if curl -fs -o /dev/null -u "$READER" "$BASE_URL/api/status-events?batchId=ready"; then
            log "server ready"
            return 0
        fi
        sleep 1
    done
    fail "the server did not start; see $SERVER_LOG"
}

stop_server() {
    [ -n "$SERVER_PID" ] || return 0
    log "stopping WildFly"
    # standalone.sh runs the JVM as a child; stop the whole process group it leads.
    pkill -TERM -P "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
}

mariadb_up() { mysqladmin --host=127.0.0.1 --user=root ping >/dev/null 2>&1; }

stop_mariadb() {
    log "stopping MariaDB"
    # root through the socket (unix_socket authentication on a fresh install), else over TCP
    mysqladmin --user=root shutdown 2>/dev/null || mysqladmin --host=127.0.0.1 --user=root shutdown
    for _ in $(seq 1 30); do mariadb_up || return 0; sleep 1; done
    fail "MariaDB did not stop"
}

start_mariadb() {
    log "starting MariaDB"
    mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
    service mariadb start >/dev/null 2>&1 \
        || start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd >/dev/null
    for _ in $(seq 1 60); do mariadb_up && log "MariaDB is up" && return 0; sleep 1; done
    fail "MariaDB did not start"
}

# post_report BATCH_ID -> prints the HTTP status of a signed recipient delivery report
post_report() {
    post_report_timed "$1" | cut -d' ' -f1
}

# post_report_timed BATCH_ID -> prints the HTTP status of a signed recipient delivery report and
# the seconds the answer took
post_report_timed() {
    post_signed "$BASE_URL/api/sinch/callbacks" \
        "{\"type\":\"recipient_delivery_report_sms\",\"batch_id\":\"$1\",\"recipient\":\"46701234567\",\"code\":0,\"status\":\"Delivered\",\"at\":\"2026-01-02T03:04:05.678Z\"}" \
        '%{http_code} %{time_total}'
}

# post_signed URL BODY [FORMAT] -> BODY posted to URL, signed as Sinch signs; prints curl's FORMAT
# (default: the HTTP status)
post_signed() {
    local nonce ts signature format='%{http_code}'
    [ $# -lt 3 ] || format="$3"
    nonce="$(cat /proc/sys/kernel/random/uuid)"
    ts="$(date +%s)"
    signature="$(printf '%s.%s.%s' "$2" "$nonce" "$ts" | openssl dgst -sha256 -hmac "$SECRET" -binary | base64)"
    curl -s -o /dev/null -w "$format" --max-time 30 "$1" \
        -H 'Content-Type: application/json' \
        -H "x-sinch-webhook-signature: $signature" \
        -H 'x-sinch-webhook-signature-algorithm: HmacSHA256' \
        -H "x-sinch-webhook-signature-nonce: $nonce" \
        -H "x-sinch-webhook-signature-timestamp: $ts" \
        --data-binary "$2"
}

# stored_count BATCH_ID -> how many status events the product stored for the batch
stored_count() {
    curl -fs -u "$READER" "$BASE_URL/api/status-events?batchId=$1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p'
}

await_stored() {
    for _ in $(seq 1 60); do
        [ "$(stored_count "$1")" = "1" ] && return 0
        sleep 1
    done
    fail "batch $1 was not stored exactly once (found $(stored_count "$1"))"
}

# sql STATEMENT -> its rows, tab-separated, from the MariaDB database of DB_URL
sql() { mysql -h127.0.0.1 -u"$DB_USER" -p"$DB_PASSWORD" -N -B "${DB_URL##*/}" -e "$1"; }

# settle: waits until the product stores no more callbacks (what its queues held is stored)
settle() {
    local before=-1 now
    while now="$(sql "SELECT COUNT(*) FROM callback")"; [ "$now" != "$before" ]; do before="$now"; sleep 3; done
}

# drop_all_tables: the database of DB_URL as a first start finds it (the product migrates it)
drop_all_tables() {
    sql "SELECT table_name FROM information_schema.tables WHERE table_schema = '${DB_URL##*/}'" \
        | while read -r table; do sql "SET FOREIGN_KEY_CHECKS = 0; DROP TABLE \`$table\`"; done
}

# check_stored_once PREFIX ACCEPTED_FILE: once the product has stored what it will of the reports
# sent with batch ids PREFIX-n, fails unless every one listed in ACCEPTED_FILE (answered 2xx) is
# stored exactly once. Sets ACCEPTED_COUNT and STORED_COUNT.
check_stored_once() {
    local prefix="$1" accepted_file="$2" stored_file="$2.stored" previous=-1 now missing duplicated
    log "waiting for the queues to drain"
    for _ in $(seq 1 120); do
        now="$(sql "SELECT COUNT(*) FROM status_event WHERE batch_id LIKE '$prefix-%'")"
        [ "$now" = "$previous" ] && [ "$now" -ge "$(wc -l < "$accepted_file")" ] && break
        previous="$now"
        sleep 2
    done
    sql "SELECT batch_id, COUNT(*) FROM status_event WHERE batch_id LIKE '$prefix-%' GROUP BY batch_id" \
        | sort > "$stored_file"
    ACCEPTED_COUNT="$(wc -l < "$accepted_file")"
    STORED_COUNT="$(wc -l < "$stored_file")"
    duplicated="$(awk '$2 > 1' "$stored_file" | wc -l)"
    missing="$(sort "$accepted_file" | join -v1 - <(cut -f1 "$stored_file") | wc -l)"
    log "accepted $ACCEPTED_COUNT, stored $STORED_COUNT distinct, missing $missing, duplicated $duplicated"
    [ "$ACCEPTED_COUNT" -gt 0 ] || fail "nothing was accepted"
    [ "$missing" = 0 ] || fail "$missing accepted callbacks were lost"
    [ "$duplicated" = 0 ] || fail "$duplicated callbacks were stored twice"
}

# check_answers LOAD_OUTPUT [STATUSES]: fails on an answer (of LoadGenerator's) other than 2xx and
# STATUSES (a regular expression, default 503: what the product answers when it cannot take a
# callback now, which Sinch retries, as it does no answer at all).
check_answers() {
    local answers
    answers="$(sed -n 's/^answers by status {\(.*\)}$/\1/p' "$1")"
    if echo "$answers" | tr ',' '\n' | grep -vqE "^ ?(2[0-9][0-9]|${2:-503})=|^\$"; then
        fail "answers other than 2xx and ${2:-503}: $answers"
    fi
}
