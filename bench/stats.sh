#!/usr/bin/env bash
# How fast GET /api/stats answers on a million messages. Needs: a built target/server (mvn
# package), MariaDB on 127.0.0.1 with the database and user of .ci/run, curl. From the repository root:
#     bash bench/stats.sh [results file, default bench/stats-results.txt]
# Empties the database, starts the product on it, writes MESSAGES messages (default 1,000,000)
# sent over 30 days by SQL (90% delivered, 5% failed with ten codes, 3% expired, 2% still
# dispatched; eight operators; times to deliver from half a second to hours), then times each
# grouping over the 30 days and over one of them, as a reader calls it over HTTP.
set -euo pipefail
cd "$(dirname "$0")/.."
RESULTS="${1:-bench/stats-results.txt}"
MESSAGES="${MESSAGES:-1000000}"
REPEATS="${REPEATS:-5}"
export DB_URL="${DB_URL:-jdbc:mysql://127.0.0.1:3306/sms_tracker}" DB_USER="${DB_USER:-sms_tracker}" DB_PASSWORD="${DB_PASSWORD:-sms_tracker}"
. src/test/reliability/common.sh
DB_NAME="${DB_URL##*/}"
sql() { mysql -h127.0.0.1 -u"$DB_USER" -p"$DB_PASSWORD" -N -B "$DB_NAME" -e "$1"; }
# 30 days that end at midnight UTC before today: every message seeded is in the past.
END_MS=$(( $(date -u -d 'today 00:00' +%s) * 1000 ))
START_MS=$(( END_MS - 30 * 86400000 ))
rss() { echo "resident memory of the server: $(( $(ps -o rss= -p "$(pgrep -f jboss-modules.jar | head -1)") / 1024 )) MiB"; }
iso() { date -u -d "@$(( $1 / 1000 ))" +%Y-%m-%dT%H:%M:%SZ; }

exec > >(tee "$RESULTS") 2>&1
echo "# bench/stats.sh, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, MariaDB $(sql 'SELECT VERSION()')"
echo "# $MESSAGES messages sent from $(iso $START_MS) to $(iso $END_MS); each figure: median (slowest) of $REPEATS calls"
sql "SELECT table_name FROM information_schema.tables WHERE table_schema = '$DB_NAME'" \
    | while read -r table; do sql "SET FOREIGN_KEY_CHECKS = 0; DROP TABLE \`$table\`"; done
trap 'stop_server' EXIT
start_server

# The roll-up waits: first every figure is counted from the messages themselves.
sql "UPDATE lease SET holder = 'bench/stats.sh', expires_at_ms = $(( END_MS * 2 )) WHERE name = 'statistics'"
log "writing $MESSAGES messages"
CHUNK=100000
for (( first = 1; first <= MESSAGES; first += CHUNK )); do
    last=$(( first + CHUNK - 1 < MESSAGES ? first + CHUNK - 1 : MESSAGES ))
    sql "INSERT INTO message (id, batch_id, recipient, status, code, operator, delivered_after_ms,
                              created_at_ms, updated_at_ms, checks)
         SELECT UUID(), CONCAT('STATSBENCH', seq DIV 1000), CONCAT('+4670', LPAD(seq, 7, '0')), status,
                CASE status WHEN 'Delivered' THEN 0 WHEN 'Failed' THEN 401 + seq % 10 WHEN 'Expired' THEN 403 ELSE 0 END,
                ELT(1 + seq % 8, 'Telia', 'Tele2', 'Telenor', 'Tre', 'Vodafone', 'Orange', 'T-Mobile', 'O2'),
                IF(status = 'Delivered', FLOOR(500 + EXP(RAND(seq) * 13)), NULL),
                $START_MS + (seq - 1) * (30 * 86400000 DIV $MESSAGES), $START_MS + (seq - 1) * (30 * 86400000 DIV $MESSAGES), 0
         FROM (SELECT seq, CASE WHEN seq % 100 < 90 THEN 'Delivered' WHEN seq % 100 < 95 THEN 'Failed'
                                WHEN seq % 100 < 98 THEN 'Expired' ELSE 'Dispatched' END AS status
               FROM seq_${first}_to_${last}) AS seeded"
done
sql "ANALYZE TABLE message" >/dev/null
echo "messages stored: $(sql 'SELECT COUNT(*) FROM message')"
echo "the query's plan (30 days, by operator): $(sql "EXPLAIN SELECT status, code, FLOOR(LN(delivered_after_ms + 1) * 20), operator, COUNT(*)
    FROM message WHERE created_at_ms >= $START_MS AND created_at_ms < $END_MS
    GROUP BY status, code, FLOOR(LN(delivered_after_ms + 1) * 20), operator" | awk -F'\t' '{ print "key " $7 ", " $NF }')"

answer() { python3 -c "import json; a = json.load(open('target/stats-answer.json')); print($1)"; }
# Times one call REPEATS times after a first one (which warms the caches); prints median and slowest.
time_stats() {
    local query="$1" times
    curl -fsS -u "$READER" "$BASE_URL/api/stats?$query" -o target/stats-answer.json
    times="$(for _ in $(seq 1 "$REPEATS"); do
        curl -fsS -u "$READER" "$BASE_URL/api/stats?$query" -o /dev/null -w '%{time_total}\n'
    done | sort -n)"
    printf '%-44s %6d ms (%d ms)  %s messages, %s groups\n' "$2" \
        "$(echo "$times" | awk -v n="$REPEATS" 'NR == int((n + 1) / 2) { printf "%d", $1 * 1000 }')" \
        "$(echo "$times" | tail -1 | awk '{ printf "%d", $1 * 1000 }')" \
        "$(answer 'a["messages"]')" "$(answer 'len(a["groups"])')"
}
floor_ms() {
    local start; start="$(date +%s%N)"
    sql "SELECT COUNT(*), SUM(delivered_after_ms) FROM message WHERE created_at_ms >= $START_MS AND created_at_ms < $END_MS" >/dev/null
    echo $(( ($(date +%s%N) - start) / 1000000 ))
}
floor_ms >/dev/null
echo "the database's floor: reading the 30 days' index range once, no grouping, from the mysql client: $(floor_ms) ms"
FROM="$(iso $START_MS)" TO="$(iso $END_MS)" DAY="$(iso $(( END_MS - 86400000 )))"
time_all() {
    for grouping in status operator day hour; do
        time_stats "from=$FROM&to=$TO&groupBy=$grouping" "30 days, by $grouping"
        cp target/stats-answer.json "target/stats-answer-$1-$grouping.json"
    done
    for grouping in status operator hour; do
        time_stats "from=$DAY&to=$TO&groupBy=$grouping" "1 day, by $grouping"
    done
}
echo "== counted from the messages (nothing rolled up)"
time_all live

# Settled hours: older than reconciliation's give-up (72 h) and 6 h more.
log "releasing the roll-up's lease: its next run (every 5 minutes) rolls up the settled hours"
sql "UPDATE lease SET holder = NULL, expires_at_ms = 0 WHERE name = 'statistics'"
SETTLED_MS=$(( ($(date +%s) * 1000 - 78 * 3600000) / 3600000 * 3600000 ))
progress() { sql "SELECT up_to_ms FROM delivery_hour_progress WHERE name = 'hours_before'"; }
while [ "$(progress)" -lt "$SETTLED_MS" ]; do sleep 2; done
log "rolled up: every hour before $(iso "$(progress)"), $(sql 'SELECT COUNT(*) FROM delivery_hour') rows for $(sql 'SELECT COUNT(DISTINCT hour_ms) FROM delivery_hour') hours"
echo "== settled hours from the roll-up, the last $(( (END_MS - $(progress)) / 3600000 )) hours from the messages"
time_all rolled
python3 - <<'PY'
import json
same = [g for g in ("status", "operator", "day", "hour")
        if json.load(open(f"target/stats-answer-live-{g}.json")) == json.load(open(f"target/stats-answer-rolled-{g}.json"))]
print("30 days: the same answer either way, by", ", ".join(same) or "none")
PY
echo "an answer (1 day, by hour), its first group: $(answer 'json.dumps(a["groups"][0])')"
rss
