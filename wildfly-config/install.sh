#!/usr/bin/env bash
# Installs or upgrades the SMS tracker on an existing, running WildFly 39 (started with
# -c standalone-full.xml, and DB_URL, DB_USER, DB_PASSWORD and SINCH_WEBHOOK_SECRETS in its
# environment). From the repository, after `mvn package -DskipTests`:
#     wildfly-config/install.sh /opt/wildfly [target/sms-tracker.war]
# It checks every input before it changes anything, and stops at the first thing wrong, saying
# what to do. Then: the EclipseLink and MySQL driver modules into $JBOSS_HOME/modules (only if
# they differ), wildfly-config/sms-tracker.cli (only what is missing), a reload if that needs one,
# and the WAR deployed while the server is suspended (Sinch gets 503 and retries meanwhile; never
# 404). The server is resumed whatever happens, also when a step fails or the script is stopped.
# Management: the local CLI (same user as the server), or CONTROLLER, CLI_USER and CLI_PASSWORD.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPOSITORY="$(dirname "$HERE")"
JBOSS_HOME="${1:-}"
WAR="${2:-$REPOSITORY/target/sms-tracker.war}"
MODULES="${MODULES:-$REPOSITORY/target/server/modules}"
CONTROLLER="${CONTROLLER:-localhost:9990}"

say() { printf 'install.sh: %s\n' "$*"; }
fail() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

cli_args=(--connect --controller="$CONTROLLER" --timeout=30000)
[ -n "${CLI_USER:-}" ] && cli_args+=(--user="$CLI_USER" --password="${CLI_PASSWORD:-}")
cli() { "$JBOSS_HOME/bin/jboss-cli.sh" "${cli_args[@]}" "$@"; }
# The value of one management operation's result, unquoted ("running", "true"…).
# FAILED when the operation fails or the server cannot be reached.
value() {
    { cli --output-json --command="$1" 2>/dev/null || true; } | python3 -c '
import json, sys
try:
    answer = json.load(sys.stdin)
except ValueError:
    answer = {}
print(answer.get("result", "") if answer.get("outcome") == "success" else "FAILED")'
}

# --- Checks: nothing is changed until every one passes ---------------------------------------------
[ -n "$JBOSS_HOME" ] || fail "usage: $0 JBOSS_HOME [WAR]"
[ -x "$JBOSS_HOME/bin/jboss-cli.sh" ] || fail "$JBOSS_HOME is no WildFly: no bin/jboss-cli.sh there"
[ -f "$WAR" ] || fail "no WAR at $WAR: build it with 'mvn package -DskipTests', or give its path"
command -v python3 >/dev/null || fail "python3 is needed to read the WAR and the CLI's answers"
python3 -c 'import sys, zipfile; sys.exit("WEB-INF/web.xml" not in zipfile.ZipFile(sys.argv[1]).namelist())' "$WAR" 2>/dev/null \
    || fail "$WAR is not the product's WAR (no WEB-INF/web.xml in a readable archive)"
for module in org/eclipse/persistence com/mysql dev/smstrack/oidc; do
    [ -f "$MODULES/$module/main/module.xml" ] \
        || fail "no module $module under $MODULES: run 'mvn package -DskipTests' first (it builds them)"
done
state="$(value ':read-attribute(name=server-state)')"
case "$state" in
    running | reload-required) ;;
    FAILED | "") fail "cannot reach the server's management at $CONTROLLER: is it running? (CONTROLLER, CLI_USER and CLI_PASSWORD choose how to reach it)" ;;
    *) fail "the server is $state; start it, or let it finish starting, and run this again" ;;
esac
[ "$(value '/subsystem=messaging-activemq:read-resource')" != FAILED ] \
    || fail "the server has no messaging: start it with -c standalone-full.xml (the product needs its broker)"
environment() { value ":resolve-expression(expression=\"\${env.$1:}\")"; }
for variable in DB_URL DB_USER DB_PASSWORD; do
    [ -n "$(environment "$variable")" ] \
        || fail "the server was started without $variable in its environment: set DB_URL, DB_USER and DB_PASSWORD (a MySQL database, created as the README says) and restart it"
done
[ -n "$(environment SINCH_WEBHOOK_SECRETS)" ] \
    || say "NOTE: no SINCH_WEBHOOK_SECRETS in the server's environment: signed callbacks will be refused (see the README's callback contract)"
say "checked: WildFly at $JBOSS_HOME ($state), $WAR, the modules, the database settings"

# --- Modules: copied only when they differ (a loaded module changes only with a restart) --------
restart=""
for module in org/eclipse/persistence com/mysql dev/smstrack/oidc; do
    if ! diff -rq "$MODULES/$module" "$JBOSS_HOME/modules/$module" >/dev/null 2>&1; then
        [ -d "$JBOSS_HOME/modules/$module" ] && restart="yes"
        mkdir -p "$JBOSS_HOME/modules/$module"
        cp -r "$MODULES/$module/." "$JBOSS_HOME/modules/$module/"
        say "module $module copied"
    fi
done

# --- Configuration, then the deployment, suspended, resumed whatever happens ---------------------
suspended=""
resume() {
    if [ -n "$suspended" ]; then
        cli --command=':resume' >/dev/null 2>&1 && say "server resumed" \
            || say "WARNING: the server may still be suspended: run '$JBOSS_HOME/bin/jboss-cli.sh --connect :resume'"
    fi
}
trap resume EXIT
trap 'exit 130' INT TERM

cli --file="$HERE/sms-tracker.cli" >/dev/null
say "configuration applied (wildfly-config/sms-tracker.cli)"
cli --command=':suspend(suspend-timeout=30)' >/dev/null
suspended="yes"
say "server suspended: callbacks are answered 503 (Sinch retries) until it is resumed"
if [ "$(value ':read-attribute(name=server-state)')" = reload-required ]; then
    say "reloading, for the configuration to take effect"
    cli --command=':reload' >/dev/null
    for _ in $(seq 1 120); do
        [ "$(value ':read-attribute(name=server-state)')" = running ] && break
        sleep 1
    done
    # A reloaded server starts suspended until its deployments are up.
    cli --command=':suspend(suspend-timeout=30)' >/dev/null
fi
cli --command="deploy --force --name=sms-tracker.war $WAR" >/dev/null
[ "$(value '/deployment=sms-tracker.war:read-attribute(name=status)')" = OK ] \
    || fail "the WAR did not start: see $JBOSS_HOME/standalone/log/server.log"
say "deployed $WAR"
resume
suspended=""
[ -z "$restart" ] || say "NOTE: modules changed under a running server: restart it for them to take effect"
say "done: the product answers at http://<this server>:8080/ (the dashboard) and /api/"
