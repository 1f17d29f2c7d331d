#!/usr/bin/env bash
# How long each page of the dashboard takes to show its data with 100,000 messages stored, in
# headless Chromium. Needs: a built target/server (mvn package), MariaDB on 127.0.0.1 with the
# database and user of .ci/run, Debian's chromium and chromium-driver. From the repository root:
#     bash bench/dashboard.sh [results file, default bench/dashboard-results.txt]
# Empties the database, starts the product on it, writes MESSAGES messages (default 100,000) sent
# over the last 7 days by SQL (90% delivered, 5% failed, 3% expired, 2% still dispatched: the
# "stuck" ones of the problems page; eight operators), then loads each page REPEATS times.
set -euo pipefail
cd "$(dirname "$0")/.."
RESULTS="${1:-bench/dashboard-results.txt}"
MESSAGES="${MESSAGES:-100000}"
REPEATS="${REPEATS:-5}"
export DB_URL="${DB_URL:-jdbc:mysql://127.0.0.1:3306/sms_tracker}" DB_USER="${DB_USER:-sms_tracker}" DB_PASSWORD="${DB_PASSWORD:-sms_tracker}"
. src/test/reliability/common.sh
DB_NAME="${DB_URL##*/}"
sql() { mysql -h127.0.0.1 -u"$DB_USER" -p"$DB_PASSWORD" -N -B "$DB_NAME" -e "$1"; }
NOW_MS=$(( $(date -u +%s) * 1000 ))
START_MS=$(( NOW_MS - 7 * 86400000 ))
SPAN_MS=$(( 7 * 86400000 - 600000 ))

CLASSPATH_FILE=target/bench.classpath
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CLASSPATH_FILE"
CP="target/test-classes:target/classes:$(cat "$CLASSPATH_FILE")"

exec > >(tee "$RESULTS") 2>&1
echo "# bench/dashboard.sh, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, MariaDB $(sql 'SELECT VERSION()'), $(/usr/bin/chromium --version 2>/dev/null)"
sql "SELECT table_name FROM information_schema.tables WHERE table_schema = '$DB_NAME'" \
    | while read -r table; do sql "SET FOREIGN_KEY_CHECKS = 0; DROP TABLE \`$table\`"; done
trap 'stop_server' EXIT
start_server

log "writing $MESSAGES messages"
sql "INSERT INTO message (id, batch_id, recipient, status, code, operator, delivered_after_ms, status_at_ms,
                          created_at_ms, updated_at_ms, checks)
     SELECT UUID(), CONCAT('DASHBENCH', seq DIV 1000), CONCAT('+4670', LPAD(seq, 7, '0')), status,
            CASE status WHEN 'Delivered' THEN 0 WHEN 'Failed' THEN 401 + seq % 10 WHEN 'Expired' THEN 403 ELSE 0 END,
            ELT(1 + seq % 8, 'Telia', 'Tele2', 'Telenor', 'Tre', 'Vodafone', 'Orange', 'T-Mobile', 'O2'),
            IF(status = 'Delivered', FLOOR(500 + EXP(RAND(seq) * 13)), NULL),
            $START_MS + seq * ($SPAN_MS DIV $MESSAGES) + 5000,
            $START_MS + seq * ($SPAN_MS DIV $MESSAGES), $START_MS + seq * ($SPAN_MS DIV $MESSAGES), 0
     FROM (SELECT seq, CASE WHEN seq % 100 < 90 THEN 'Delivered' WHEN seq % 100 < 95 THEN 'Failed'
                            WHEN seq % 100 < 98 THEN 'Expired' ELSE 'Dispatched' END AS status
           FROM seq_1_to_${MESSAGES}) AS seeded"
sql "ANALYZE TABLE message" >/dev/null
echo "messages stored: $(sql 'SELECT COUNT(*) FROM message'), of them still dispatched: $(sql "SELECT COUNT(*) FROM message WHERE status = 'Dispatched'")"
NEWEST="$(sql 'SELECT id FROM message ORDER BY created_at_ms DESC LIMIT 1')"

echo "== from the start of a full page load to the page drawn with its data (target: under 1 s)"
java -cp "$CP" dev.smstrack.dashboard.DashboardLoadTimes "$BASE_URL" "$REPEATS" \
    messages "messages/$NEWEST" send statistics "statistics?period=month" problems
echo "== the API calls behind them, as curl times them (median of $REPEATS)"
time_call() {
    curl -fsS -u "$READER" "$BASE_URL/$1" -o /dev/null
    printf '%-70s %5d ms\n' "$1" "$(for _ in $(seq 1 "$REPEATS"); do
        curl -fsS -u "$READER" "$BASE_URL/$1" -o /dev/null -w '%{time_total}\n'
    done | sort -n | awk -v n="$REPEATS" 'NR == int((n + 1) / 2) { printf "%d", $1 * 1000 }')"
}
iso() { date -u -d "@$(( $1 / 1000 ))" +%Y-%m-%dT%H:%M:%SZ; }
time_call "api/messages?page=0&size=50"
time_call "api/messages?status=Failed&page=0&size=50"
time_call "api/messages?final=false&to=$(iso $(( NOW_MS - 3600000 )))&size=50"
time_call "api/stats?from=$(iso "$START_MS")&to=$(iso "$NOW_MS")&groupBy=day"
time_call "api/stats?from=$(iso "$START_MS")&to=$(iso "$NOW_MS")&groupBy=operator"
echo "resident memory of the server: $(( $(ps -o rss= -p "$(pgrep -f jboss-modules.jar | head -1)") / 1024 )) MiB"
