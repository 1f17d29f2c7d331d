#!/usr/bin/env bash
# The floor under the boot target: how long the built server takes to get ready with no deployment
# at all, and with the smallest deployment of this stack (bench/boot-floor: one JPA entity on
# EclipseLink and the product's datasource, one stateless bean, one JAX-RS resource; no broker
# use, no migrations), against the boot of the product itself. Each RUNS times (default 3), on a
# copy of target/server, against MariaDB (DB_URL, default the database of .ci/run). Run from the
# repository root after mvn package:
#     bash bench/boot-floor.sh [results file, default bench/boot-floor-results.txt]
set -euo pipefail
cd "$(dirname "$0")/.."
RESULTS="${1:-bench/boot-floor-results.txt}"
RUNS="${RUNS:-3}"
COPY=target/boot-floor
export DB_URL="${DB_URL:-jdbc:mysql://127.0.0.1:3306/sms_tracker}" DB_USER="${DB_USER:-sms_tracker}" DB_PASSWORD="${DB_PASSWORD:-sms_tracker}"
export SINCH_WEBHOOK_SECRETS=boot-floor-secret
. src/test/reliability/common.sh # stop_server, now_ms, ready, settle
! ready 2>/dev/null || { echo "a server already answers on 9990; stop it first" >&2; exit 1; }
API="$(find ~/.m2/repository/jakarta/platform/jakarta.jakartaee-api -name 'jakarta.jakartaee-api-*.jar' | sort | tail -1)"

rm -rf "$COPY" && mkdir -p "$COPY/classes"
cp -r target/server "$COPY/server"
rm -rf "$COPY/server/standalone/data" "$COPY/server/standalone/deployments/"*
javac -d "$COPY/classes" -cp "$API" bench/boot-floor/floor/*.java
cp -r bench/boot-floor/META-INF "$COPY/classes/"
mkdir -p "$COPY/war/WEB-INF" && cp -r "$COPY/classes" "$COPY/war/WEB-INF/"
cp src/main/webapp/WEB-INF/beans.xml "$COPY/war/WEB-INF/"
(cd "$COPY/war" && jar cf ../floor.war .)

trap "stop_server >/dev/null" EXIT
# boot DEPLOYMENT: one start with that WAR (or none), until ready; prints the milliseconds
boot() {
    rm -rf "$COPY/server/standalone/deployments/"* "$COPY/server/standalone/tmp"
    [ "$1" = none ] || cp "$1" "$COPY/server/standalone/deployments/"
    local started; started="$(now_ms)"
    "$COPY/server/bin/standalone.sh" -c standalone-full.xml >"$COPY/server.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 480); do ready && break; sleep 0.1; done
    ready || { echo "the server did not get ready; see $COPY/server.log" >&2; exit 1; }
    echo $(( $(now_ms) - started ))
    stop_server >/dev/null
}
{
echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores; $(java -version 2>&1 | head -1); a copy of target/server, ${DB_URL%%:*}:${DB_URL#*:}"
echo "# from the start script's launch until /health/ready answers 200"
for deployment in none "$COPY/floor.war" target/sms-tracker.war; do
    times=()
    for _ in $(seq 1 "$RUNS"); do times+=("$(boot "$deployment")"); done
    echo "${deployment##*/}: ${times[*]} ms"
done
} 2>&1 | tee "$RESULTS"
