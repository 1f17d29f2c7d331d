#!/usr/bin/env bash
# Builds the image on this machine, starts it against the MariaDB here, and proves it serves: it
# runs as no root, reports healthy, refuses the anonymous, takes a send (to the built-in simulator,
# whose reports come back signed) and a signed callback, refuses a forged one, keeps its secrets out
# of its log, and stops cleanly on SIGTERM. Configured as production is, by environment variables and
# secret files only. Needs: mvn package (target/server), MariaDB with the database and user of
# .ci/run, podman (or CONTAINER_ENGINE=docker), curl, openssl; with podman and no BASE_IMAGE, also
# debootstrap (root), to make a Debian stand-in for the Temurin JRE, as no registry is reachable here.
#     bash docker/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
IMAGE="${IMAGE:-localhost/sms-tracker:test}"
NAME=sms-tracker-docker-test
STAND_IN=localhost/sms-tracker-jre-stand-in:17
DB_URL="${DB_URL:-jdbc:mysql://127.0.0.1:3306/sms_tracker}" DB_USER="${DB_USER:-sms_tracker}" DB_PASSWORD="${DB_PASSWORD:-sms_tracker}"
export SINCH_WEBHOOK_SECRETS=docker-test-webhook-secret
. src/test/reliability/common.sh
READER=docker-ops:docker-ops-password
SECRETS="$PWD/target/docker-secrets"
LOG=target/docker-test.log

if [ "${CONTAINER_ENGINE:-podman}" = podman ]; then
    # As on these machines (../shared/docs/stack-notes.md): runc, no default ulimits, cgroupfs.
    export CONTAINERS_CONF="$PWD/target/containers.conf"
    printf '[containers]\ndefault_ulimits = []\n[engine]\ncgroup_manager = "cgroupfs"\n' >"$CONTAINERS_CONF"
    # Without systemd, podman cannot time the HEALTHCHECK itself (it says so on every start and
    # stop, left out here); this script runs the check.
    engine() { podman --runtime runc "$@" 2> >(grep -v 'systemd connection' >&2); }
    BUILD_FORMAT="--format docker" # OCI images have no HEALTHCHECK
    healthy() { engine healthcheck run "$NAME" >/dev/null 2>&1; }
else
    engine() { "$CONTAINER_ENGINE" "$@"; }
    BUILD_FORMAT=""
    healthy() { [ "$(engine inspect "$NAME" --format '{{.State.Health.Status}}')" = healthy ]; }
fi
cleanup() {
    engine logs "$NAME" >"$LOG" 2>&1 || true
    engine rm -f "$NAME" >/dev/null 2>&1 || true
}
trap cleanup EXIT

[ -x target/server/bin/standalone.sh ] || fail "no target/server: run mvn package first"
# The container shares this machine's network: another server on its ports would answer for it.
for port in 8080 9990; do
    ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || fail "something already listens on port $port; stop it first"
done

# The base: BASE_IMAGE if given; with podman and no registry, Debian's OpenJDK 17 JRE on a minimal
# Debian made here once (about two minutes), which stands in for eclipse-temurin:17-jre.
if [ -z "${BASE_IMAGE:-}" ]; then
    BASE_IMAGE="$STAND_IN"
    if ! engine image inspect "$STAND_IN" >/dev/null 2>&1; then
        log "making $STAND_IN from Debian's packages"
        rm -rf target/debian-base
        debootstrap --variant=minbase bookworm target/debian-base http://deb.debian.org/debian >target/debootstrap.log 2>&1 \
            || fail "debootstrap failed; see target/debootstrap.log"
        tar -C target/debian-base -c . | engine import - localhost/debian-base:12 >/dev/null
        rm -rf target/debian-base
        printf 'FROM localhost/debian-base:12\nRUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jre-headless && rm -rf /var/lib/apt/lists/*\n' \
            | engine build --network host -t "$STAND_IN" -f - target >target/stand-in-build.log 2>&1 \
            || fail "the stand-in base did not build; see target/stand-in-build.log"
    fi
fi

log "building $IMAGE on $BASE_IMAGE"
started="$(date +%s)"
engine build --network host $BUILD_FORMAT -f docker/Dockerfile --build-arg BASE_IMAGE="$BASE_IMAGE" -t "$IMAGE" . >target/docker-build.log 2>&1 \
    || fail "the image did not build; see target/docker-build.log"
log "built in $(( $(date +%s) - started )) s: $(engine image inspect "$IMAGE" --format '{{.Size}}' | awk '{ printf "%d MB", $1 / 1000000 }')"

# Secrets as files, the way Docker and Kubernetes mount them; the rest as plain variables.
rm -rf "$SECRETS" && mkdir -p "$SECRETS"
printf '%s' "$DB_PASSWORD" >"$SECRETS/db-password"
printf '%s' "$SINCH_WEBHOOK_SECRETS" >"$SECRETS/webhook-secrets"
printf 'docker-ops:docker-ops-password:sms-sender,sms-reader,sms-operator\ndocker-reader:reader:pass:word:sms-reader\n' >"$SECRETS/users"
chmod 0644 "$SECRETS"/* # the container's user is not this one

# A setting given twice, as a variable and as a file, is refused before the server starts.
out="$(engine run --rm -v "$SECRETS:/run/secrets:ro" -e DB_PASSWORD=x -e DB_PASSWORD_FILE=/run/secrets/db-password "$IMAGE" 2>&1 || true)"
echo "$out" | grep -q "both DB_PASSWORD and DB_PASSWORD_FILE are set" || fail "a setting given twice was not refused: $out"
# So is a cluster node without the cluster's password (src/test/reliability/cluster.sh tests the cluster).
out="$(engine run --rm -e SMS_TRACKER_CLUSTER_MEMBERS='node-1[7600],node-2[7600]' "$IMAGE" 2>&1 || true)"
echo "$out" | grep -q "SMS_TRACKER_CLUSTER_PASSWORD (or its _FILE) is not" || fail "a cluster node without a password was not refused: $out"
# And one without the key of erased numbers, which the nodes must share.
out="$(engine run --rm -e SMS_TRACKER_CLUSTER_MEMBERS='node-1[7600],node-2[7600]' -e SMS_TRACKER_CLUSTER_PASSWORD=x "$IMAGE" 2>&1 || true)"
echo "$out" | grep -q "ERASURE_KEY (or its _FILE) is not" || fail "a cluster node without an erasure key was not refused: $out"
# And one whose brokers would log in with the JGroups password, or without the cluster's key.
cluster_node=(-e SMS_TRACKER_CLUSTER_MEMBERS='node-1[7600],node-2[7600]' -e SMS_TRACKER_CLUSTER_PASSWORD=x -e ERASURE_KEY="$(openssl rand -hex 32)")
out="$(engine run --rm "${cluster_node[@]}" -e SMS_TRACKER_BROKER_CLUSTER_PASSWORD=x "$IMAGE" 2>&1 || true)"
echo "$out" | grep -q "SMS_TRACKER_BROKER_CLUSTER_PASSWORD must not be SMS_TRACKER_CLUSTER_PASSWORD" \
    || fail "a cluster node whose brokers share the JGroups password was not refused: $out"
out="$(engine run --rm "${cluster_node[@]}" -e SMS_TRACKER_BROKER_CLUSTER_PASSWORD=y "$IMAGE" 2>&1 || true)"
echo "$out" | grep -q "SMS_TRACKER_CLUSTER_KEYSTORE names no readable key store" \
    || fail "a cluster node without the cluster's key was not refused: $out"

drop_all_tables
# start_container [OPTION...]: runs the image as production would, with these options too, until healthy.
start_container() {
    engine rm -f "$NAME" >/dev/null 2>&1 || true
    started_ms="$(date +%s%N)"
    engine run -d --name "$NAME" --network host -v "$SECRETS:/run/secrets:ro" \
        -e DB_URL="$DB_URL" -e DB_USER="$DB_USER" -e DB_PASSWORD_FILE=/run/secrets/db-password \
        -e SINCH_WEBHOOK_SECRETS_FILE=/run/secrets/webhook-secrets -e SMS_TRACKER_USERS_FILE=/run/secrets/users \
        -e SINCH_SIMULATOR=true "$@" "$IMAGE" >/dev/null
    for _ in $(seq 1 180); do
        healthy && return 0
        [ "$(engine inspect "$NAME" --format '{{.State.Running}}')" = true ] || fail "the container stopped; see $LOG"
        sleep 0.5
    done
    fail "the container never reported healthy; see $LOG"
}

# 1. Healthy, by the image's own HEALTHCHECK.
log "starting the container against $DB_URL"
start_container -e SMS_TRACKER_METRICS_USERS=docker-prom:prom-password -e SMS_TRACKER_MANAGEMENT_USERS=docker-admin:admin-password
log "healthy $(( ($(date +%s%N) - started_ms) / 1000000 )) ms after the start, by its HEALTHCHECK $(engine inspect "$NAME" --format '{{json .Config.Healthcheck.Test}}')"

# 2. No root: the server's process, not only the image's declared user.
users="$(engine top "$NAME" user comm | awk 'NR > 1 && $2 == "java" { print $1 }' | sort -u)"
[ -n "$users" ] && ! echo "$users" | grep -qx root || fail "the server runs as '${users:-nobody}'"
log "the server runs as uid $users"

# 3. The platform's security: the anonymous and the unauthorised are refused.
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
[ "$(code "$BASE_URL/api/messages")" = 401 ] || fail "an anonymous read was not refused with 401"
[ "$(code -u docker-reader:reader:pass:word "$BASE_URL/api/messages" -H 'Content-Type: application/json' -d '{"to":["+46701234500"],"body":"x"}')" = 403 ] \
    || fail "a send without sms-sender was not refused with 403"
[ "$(code -u docker-reader:wrong "$BASE_URL/api/messages")" = 401 ] || fail "a wrong password was not refused with 401"

# Prometheus's user (SMS_TRACKER_METRICS_USERS) scrapes, and administers nothing; an administrator
# (SMS_TRACKER_MANAGEMENT_USERS) still administers.
management() { curl -s -u "$1" -H 'Content-Type: application/json' http://127.0.0.1:9990/management --data "$2"; }
[ "$(code -u docker-prom:prom-password http://127.0.0.1:9990/metrics)" = 200 ] || fail "the metrics user cannot scrape /metrics"
management docker-prom:prom-password '{"operation":"resolve-expression","expression":"${env.SINCH_WEBHOOK_SECRETS}"}' \
    | grep -q "Permission denied" || fail "the metrics user could read a secret"
management docker-prom:prom-password '{"operation":"add","address":[{"system-property":"docker-attack"}],"value":"x"}' \
    | grep -q "Permission denied" || fail "the metrics user could change the configuration"
management docker-admin:admin-password '{"operation":"resolve-expression","expression":"${env.SINCH_WEBHOOK_SECRETS}"}' \
    | grep -qF "$SINCH_WEBHOOK_SECRETS" || fail "the management user is no longer an administrator"
log "the metrics user scrapes /metrics and is refused secrets and writes; the management user administers"

# 4. A send through it: the simulator takes it and calls back, signed, until it is final.
sent="$(curl -fsS -u "$READER" "$BASE_URL/api/messages" -H 'Content-Type: application/json' \
    -d '{"to":["+46701234500"],"body":"sent through the container"}')"
id="$(echo "$sent" | python3 -c 'import json, sys; print(json.load(sys.stdin)["messages"][0]["id"])')"
for _ in $(seq 1 60); do
    status="$(curl -fsS -u "$READER" "$BASE_URL/api/messages/$id" | python3 -c 'import json, sys; print(json.load(sys.stdin)["status"])')"
    case "$status" in Delivered|Failed|Expired) break ;; esac
    sleep 1
done
case "$status" in Delivered|Failed|Expired) ;; *) fail "the send stayed $status" ;; esac
log "a send through the container: $status, by the simulator's signed reports"

# 5. A signed callback is stored once; a forged one is refused.
[ "$(post_report 01DOCKER)" = 200 ] || fail "the signed callback was not answered 200"
await_stored 01DOCKER
SECRET=not-the-secret
[ "$(post_report 01FORGED)" = 401 ] || fail "a forged callback was not refused with 401"
log "a signed callback stored, a forged one refused with 401"

# 6. Its secrets are nowhere in its log.
engine logs "$NAME" >"$LOG" 2>&1
secrets=("$SINCH_WEBHOOK_SECRETS" docker-ops-password reader:pass:word)
# The database's password counts only where it is not also the name of the database or its user.
[[ "$DB_URL $DB_USER" == *"$DB_PASSWORD"* ]] || secrets+=("$DB_PASSWORD")
for secret in "${secrets[@]}"; do
    ! grep -qF -- "$secret" "$LOG" || fail "a secret is in the container's log"
done
java_pid="$(pgrep -P "$(engine inspect "$NAME" --format '{{.State.Pid}}')" java || true)"
[ -z "$java_pid" ] || log "resident memory of the server, idle after the checks: $(( $(ps -o rss= -p "$java_pid") / 1024 )) MiB"

# 7. SIGTERM stops it cleanly, in time.
engine stop -t 60 "$NAME" >/dev/null
engine logs "$NAME" >"$LOG" 2>&1
grep -q WFLYSRV0050 "$LOG" || fail "the server did not stop cleanly on SIGTERM; see $LOG"

# 8. OIDC, switched on by the environment alone: bearer tokens are checked with the provider (here
# none answers, so a token is refused), and Basic users still log in.
start_container -e OIDC_PROVIDER_URL=http://127.0.0.1:1/realms/sms-tracker -e OIDC_CLIENT_ID=sms-tracker -e OIDC_CLIENT_SECRET_FILE=/run/secrets/webhook-secrets
engine exec "$NAME" grep -q OidcTokenRealm standalone/configuration/standalone-full.xml || fail "OIDC_PROVIDER_URL was not applied"
[ "$(code -H 'Authorization: Bearer not-a-token' "$BASE_URL/api/me")" = 401 ] || fail "an unconfirmed bearer token was not refused"
[ "$(code -u "$READER" "$BASE_URL/api/me")" = 200 ] || fail "Basic did not work beside OIDC"
log "with OIDC_*: bearer tokens checked with the provider, Basic still accepted"
log "PASSED: the image builds, starts against MariaDB, serves and stops"
