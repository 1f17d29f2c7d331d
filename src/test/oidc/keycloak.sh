#!/usr/bin/env bash
# A real Keycloak for integration tests (test-only credentials; never expose it beyond loopback).
#
#   keycloak.sh start              download (Maven) + unpack if needed, start in the background, wait
#   keycloak.sh stop               stop the instance started by this script (by its PID)
#   keycloak.sh status             running or not, PID, URL, resident memory
#   keycloak.sh token USER [CLIENT]   print an access token (password grant; password USER-password)
#   keycloak.sh decode [JWT]       print a JWT's payload (JWT from the argument or stdin)
#   keycloak.sh issuer             print the issuer URL tokens carry
#
# Environment (all optional):
#   KEYCLOAK_PORT            HTTP port                                  (8180)
#   KEYCLOAK_URL             public base URL = issuer base, KC_HOSTNAME   (http://localhost:$KEYCLOAK_PORT)
#   KEYCLOAK_HTTP_HOST       address to bind                              (127.0.0.1)
#   KEYCLOAK_VERSION         org.keycloak:keycloak-quarkus-dist version   (26.7.3)
#   KEYCLOAK_JAVA_HOME       a JDK 21+                                    (newest /usr/lib/jvm/temurin-2*-jdk*)
#   KEYCLOAK_HEAP            heap options                                 (-Xms64m -Xmx512m)
#   KEYCLOAK_START_TIMEOUT   seconds to wait for the realm                (180)
#   KEYCLOAK_PASSWORD        password for `token`                         (USER-password)
#   MAVEN_REPO_LOCAL         Maven local repository                       (~/.m2/repository)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/../../.." && pwd)"          # src/test/oidc -> repository root
TARGET="$ROOT/target"
KC_HOME="$TARGET/keycloak"
PID_FILE="$TARGET/keycloak.pid"
LOG_FILE="$TARGET/keycloak.log"
REALM_JSON="$SCRIPT_DIR/sms-tracker-realm.json"
REALM="sms-tracker"

KC_VERSION="${KEYCLOAK_VERSION:-26.7.3}"
PORT="${KEYCLOAK_PORT:-8180}"
BASE_URL="${KEYCLOAK_URL:-http://localhost:$PORT}"
BASE_URL="${BASE_URL%/}"
HTTP_HOST="${KEYCLOAK_HTTP_HOST:-127.0.0.1}"
HEAP="${KEYCLOAK_HEAP:--Xms64m -Xmx512m}"
START_TIMEOUT="${KEYCLOAK_START_TIMEOUT:-180}"
M2="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
ZIP="$M2/org/keycloak/keycloak-quarkus-dist/$KC_VERSION/keycloak-quarkus-dist-$KC_VERSION.zip"
# Probe the loopback address we bind to, not the public name (which may resolve elsewhere).
PROBE_URL="http://${HTTP_HOST/0.0.0.0/127.0.0.1}:$PORT"
WELL_KNOWN="/realms/$REALM/.well-known/openid-configuration"

log() { echo "keycloak.sh: $*" >&2; }
die() { log "$*"; exit 1; }

java_major() {  # prints the major version of $1/bin/java, or nothing
  "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1
}

find_java() {
  local cand major best="" best_major=0
  for cand in ${KEYCLOAK_JAVA_HOME:-} /usr/lib/jvm/temurin-2*-jdk* /usr/lib/jvm/temurin-2*-jre* ${JAVA_HOME:-}; do
    [ -x "$cand/bin/java" ] || continue
    major="$(java_major "$cand")"
    [ -n "$major" ] || continue
    if [ -n "${KEYCLOAK_JAVA_HOME:-}" ] && [ "$cand" = "$KEYCLOAK_JAVA_HOME" ]; then
      [ "$major" -ge 21 ] || die "KEYCLOAK_JAVA_HOME=$cand is Java $major; Keycloak needs 21+"
      echo "$cand"; return
    fi
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="$cand"; best_major="$major"; fi
  done
  [ -n "$best" ] || die "no Java 21+ found (looked at /usr/lib/jvm/temurin-2*-jdk*, JAVA_HOME); set KEYCLOAK_JAVA_HOME"
  echo "$best"
}

# PID of our running instance, or nothing (a stale PID file is removed).
running_pid() {
  [ -f "$PID_FILE" ] || return 0
  local pid; pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null \
     && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF "$KC_HOME"; then
    echo "$pid"
  else
    rm -f "$PID_FILE"
  fi
}

realm_answers() { curl -fsS -o /dev/null --max-time 3 "$PROBE_URL$WELL_KNOWN" 2>/dev/null; }
port_answers()  { curl -sS -o /dev/null --max-time 3 "$PROBE_URL/" 2>/dev/null; }

install_dist() {
  if [ -f "$KC_HOME/.installed-$KC_VERSION" ]; then return; fi
  if [ ! -f "$ZIP" ]; then
    log "downloading org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip into $M2 (~177 MB)"
    mkdir -p "$TARGET"
    # Run outside the project so that Maven does not read (a possibly half-edited) pom.xml.
    (cd "$TARGET" && mvn -B -q -Dstyle.color=never -Dmaven.repo.local="$M2" dependency:get \
        -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -Dtransitive=false) \
      || die "Maven could not fetch keycloak-quarkus-dist:$KC_VERSION"
    [ -f "$ZIP" ] || die "Maven finished but $ZIP is missing"
  fi
  log "unpacking into $KC_HOME"
  local tmp="$TARGET/keycloak.unpack.$$"
  rm -rf "$tmp" "$KC_HOME"; mkdir -p "$tmp"
  if command -v unzip >/dev/null 2>&1; then
    unzip -q "$ZIP" -d "$tmp"
  else
    (cd "$tmp" && "$JAVA_HOME_KC/bin/jar" xf "$ZIP")
  fi
  mv "$tmp/keycloak-$KC_VERSION" "$KC_HOME"
  rm -rf "$tmp"
  chmod +x "$KC_HOME"/bin/*.sh
  touch "$KC_HOME/.installed-$KC_VERSION"
}

cmd_start() {
  local pid; pid="$(running_pid)"
  if [ -n "$pid" ]; then
    if realm_answers; then log "already running (PID $pid) at $BASE_URL"; return 0; fi
    log "PID $pid is starting; waiting"
  else
    if realm_answers; then
      log "a Keycloak not started by this script already serves realm $REALM on port $PORT; using it"
      return 0
    fi
    if port_answers; then die "port $PORT is taken by something else (set KEYCLOAK_PORT)"; fi

    JAVA_HOME_KC="$(find_java)"
    install_dist
    mkdir -p "$KC_HOME/data/import"
    rm -f "$KC_HOME"/data/import/*.json
    cp "$REALM_JSON" "$KC_HOME/data/import/$REALM-realm.json"

    log "starting Keycloak $KC_VERSION (Java $(java_major "$JAVA_HOME_KC") at $JAVA_HOME_KC) on $HTTP_HOST:$PORT, issuer base $BASE_URL; log: $LOG_FILE"
    # setsid: own process group, so that `stop` reaches kc.sh and its java child together.
    # dev-mem: a fresh H2 in memory each start, so the realm JSON is always (re)imported.
    ( cd "$KC_HOME" && exec setsid env \
        JAVA_HOME="$JAVA_HOME_KC" JAVA="$JAVA_HOME_KC/bin/java" \
        JAVA_OPTS_KC_HEAP="$HEAP" \
        KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
        "$KC_HOME/bin/kc.sh" start-dev \
          --http-port="$PORT" --http-host="$HTTP_HOST" \
          --db=dev-mem --import-realm \
          --hostname="$BASE_URL" --hostname-backchannel-dynamic=true \
          --health-enabled=false --metrics-enabled=false \
        >"$LOG_FILE" 2>&1 </dev/null ) &
    pid=$!
    echo "$pid" > "$PID_FILE"
  fi

  local start=$SECONDS
  while ! realm_answers; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PID_FILE"
      log "Keycloak exited during start; last lines of $LOG_FILE:"; tail -n 40 "$LOG_FILE" >&2 || true
      exit 1
    fi
    if [ $((SECONDS - start)) -ge "$START_TIMEOUT" ]; then
      log "realm $REALM did not answer within ${START_TIMEOUT}s; last lines of $LOG_FILE:"
      tail -n 40 "$LOG_FILE" >&2 || true
      cmd_stop
      exit 1
    fi
    sleep 1
  done
  log "ready after $((SECONDS - start))s: $BASE_URL/realms/$REALM (PID $pid, RSS $(rss_mib "$pid") MiB)"
}

rss_mib() {  # resident memory of the process group led by $1, in MiB
  ps -o rss= -g "$1" 2>/dev/null | awk '{s+=$1} END {printf "%d", s/1024}'
}

cmd_stop() {
  local pid; pid="$(running_pid)"
  if [ -z "$pid" ]; then log "not running"; return 0; fi
  log "stopping PID $pid"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  local i
  for i in $(seq 1 60); do
    if ! kill -0 "$pid" 2>/dev/null && ! pgrep -g "$pid" >/dev/null 2>&1; then
      rm -f "$PID_FILE"; log "stopped"; return 0
    fi
    sleep 0.5
  done
  log "still alive after 30s; sending KILL"
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  sleep 1
  rm -f "$PID_FILE"
}

cmd_status() {
  local pid; pid="$(running_pid)"
  if [ -n "$pid" ]; then
    if realm_answers; then echo "running PID $pid at $BASE_URL (realm $REALM), RSS $(rss_mib "$pid") MiB"
    else echo "starting PID $pid (realm not answering yet)"; fi
  elif realm_answers; then
    echo "running (not started by this script) at $PROBE_URL"
  else
    echo "not running"; return 3
  fi
}

cmd_token() {
  [ $# -ge 1 ] || die "usage: keycloak.sh token USER [CLIENT]"
  local user="$1" client="${2:-sms-tracker-cli}" body token
  body="$(curl -sS --max-time 30 -X POST "$BASE_URL/realms/$REALM/protocol/openid-connect/token" \
      --data-urlencode grant_type=password \
      --data-urlencode "client_id=$client" \
      --data-urlencode "username=$user" \
      --data-urlencode "password=${KEYCLOAK_PASSWORD:-$user-password}")" \
    || die "token endpoint not reachable at $BASE_URL"
  token="$(printf '%s' "$body" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
  [ -n "$token" ] || die "no access token for $user/$client: $body"
  printf '%s\n' "$token"
}

cmd_decode() {
  local jwt="${1:-}"
  [ -n "$jwt" ] || read -r jwt
  local p; p="$(printf '%s' "$jwt" | cut -d. -f2 | tr '_-' '/+')"
  while [ $(( ${#p} % 4 )) -ne 0 ]; do p="$p="; done
  if command -v jq >/dev/null 2>&1; then printf '%s' "$p" | base64 -d | jq .
  else printf '%s' "$p" | base64 -d; echo; fi
}

case "${1:-}" in
  start)  cmd_start ;;
  stop)   cmd_stop ;;
  status) cmd_status ;;
  token)  shift; cmd_token "$@" ;;
  decode) shift; cmd_decode "$@" ;;
  issuer) echo "$BASE_URL/realms/$REALM" ;;
  *) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
