#!/usr/bin/env bash
# Bearer tokens from a real Keycloak, next to Basic, on the built server with wildfly-config/oidc.cli
# applied: a token with the role passes, one without is 403, an expired, tampered, foreign-signed or
# other realm's token is 401, a hundred requests with one token ask Keycloak once, and Basic users
# keep working. Needs a built target/server (after
# `mvn verify`, which prepares the test configuration) and Keycloak (src/test/oidc/keycloak.sh start;
# started here if it is not running). Runs on H2, or on MySQL/MariaDB with DB_URL, DB_USER, DB_PASSWORD.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../reliability/common.sh"
keycloak="$here/keycloak.sh"

export SINCH_SIMULATOR=true
export OIDC_PROVIDER_URL="$("$keycloak" issuer)"
export OIDC_CLIENT_ID=sms-tracker
export OIDC_CLIENT_SECRET=sms-tracker-secret
SERVER_CONFIG=standalone-oidc.xml
SERVER_LOG=target/oidc-server.log

"$keycloak" start
trap 'stop_server; rm -f "$SERVER_DIR/standalone/configuration/$SERVER_CONFIG"' EXIT

log "configuring $SERVER_CONFIG: the tests' configuration with wildfly-config/oidc.cli"
configuration="$SERVER_DIR/standalone/configuration"
prepare_test_configuration
cp "$configuration/standalone-it.xml" "$configuration/$SERVER_CONFIG"
{ echo "embed-server --server-config=$SERVER_CONFIG --std-out=discard"; cat wildfly-config/oidc.cli; echo "stop-embedded-server"; } \
    >target/oidc-configure.cli
JBOSS_HOME="$SERVER_DIR" "$SERVER_DIR/bin/jboss-cli.sh" --file=target/oidc-configure.cli >/dev/null
grep -q OidcTokenRealm "$configuration/$SERVER_CONFIG" || fail "oidc.cli added no token realm"
start_server

token() { "$keycloak" token "$@"; }
b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
unb64url() {
    local text
    text="$(tr '_-' '/+')"
    while [ $((${#text} % 4)) -ne 0 ]; do text="$text="; done
    printf '%s' "$text" | base64 -d
}
# status METHOD PATH AUTHORIZATION -> the HTTP status
status() {
    local body=()
    [ "$1" = POST ] && body=(-H 'Content-Type: application/json' --data '{"to":["+46701230001"],"body":"hello from a token"}')
    curl -s -o /dev/null -w '%{http_code}' -X "$1" "$BASE_URL$2" -H "Authorization: $3" "${body[@]}"
}
expect() { # expect STATUS WHAT METHOD PATH AUTHORIZATION
    local got
    got="$(status "$3" "$4" "$5")"
    [ "$got" = "$1" ] || fail "$2: expected $1, got $got"
    log "ok: $2 -> $got"
}

sender="Bearer $(token oidc-sender)"
reader="Bearer $(token oidc-reader)"
operator="Bearer $(token oidc-operator)"
nobody="Bearer $(token oidc-nobody)"

expect 202 "a sender's token sends" POST /api/messages "$sender"
expect 200 "a reader's token reads" GET /api/messages "$reader"
expect 403 "a reader's token does not send" POST /api/messages "$reader"
expect 403 "a sender's token does not read" GET /api/messages "$sender"
expect 200 "an operator's token lists dead letters" GET /api/dead-letters "$operator"
expect 403 "a token without a product role reads nothing" GET /api/messages "$nobody"
expect 403 "a token without a product role sends nothing" POST /api/messages "$nobody"

shortlived="Bearer $(token oidc-reader sms-tracker-shortlived)"
sleep 3
expect 401 "an expired token" GET /api/messages "$shortlived"

# The same claims, signed with a key of our own under the provider's key id.
header="$(printf '%s' "${reader#Bearer }" | cut -d. -f1)"
payload="$(printf '%s' "${reader#Bearer }" | cut -d. -f2)"
openssl genrsa -out target/foreign-key.pem 2048 2>/dev/null
signature="$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign target/foreign-key.pem -binary | b64url)"
expect 401 "a token signed with a foreign key" GET /api/messages "Bearer $header.$payload.$signature"
# A real signature over other claims: every role.
claims="$(printf '%s' "$payload" | unb64url)"
case "$claims" in *'"sms-reader"'*) ;; *) fail "the reader's token holds no sms-reader role: $claims" ;; esac
forged="$(printf '%s' "$claims" | sed 's/"sms-reader"/"sms-reader","sms-sender","sms-operator"/g' | b64url)"
expect 401 "a token whose claims were changed" POST /api/messages "Bearer $header.$forged.$(printf '%s' "${reader#Bearer }" | cut -d. -f3)"
# A token of the master realm's administrator (it lives a minute).
master_token() {
    curl -fs "${OIDC_PROVIDER_URL%/realms/*}/realms/master/protocol/openid-connect/token" \
        --data-urlencode grant_type=password --data-urlencode client_id=admin-cli \
        --data-urlencode username=admin --data-urlencode password=admin | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}
master="$(master_token)"
[ -n "$master" ] || fail "no token from the master realm"
expect 401 "a token of another realm (its admin)" GET /api/messages "Bearer $master"
expect 401 "garbage" GET /api/messages "Bearer not-a-token"
expect 401 "a token of the same realm issued to another application (no aud sms-tracker)" GET /api/messages \
    "Bearer $(token oidc-reader another-app)"

# The provider's answers are remembered: a hundred requests with one fresh token make one
# introspection, as Keycloak's own event log (INTROSPECT_TOKEN, enabled in the realm) counts them.
introspections() {
    curl -fs "${OIDC_PROVIDER_URL%/realms/*}/admin/realms/sms-tracker/events?type=INTROSPECT_TOKEN&max=100000" \
        -H "Authorization: Bearer $(master_token)" | grep -o '"type":"INTROSPECT_TOKEN"' | wc -l
}
fresh="Bearer $(token oidc-reader)"
before="$(introspections)"
for _ in $(seq 1 100); do
    [ "$(status GET /api/messages "$fresh")" = 200 ] || fail "a request with a remembered token was refused"
done
made=$(( $(introspections) - before ))
[ "$made" -eq 1 ] || fail "100 requests with one token made $made introspection calls, not 1"
log "ok: 100 requests with one token -> $made introspection call"

basic="Basic $(printf '%s' "$READER" | base64 -w0)"
expect 200 "Basic against the application realm still works" GET /api/messages "$basic"
challenges="$(curl -s -o /dev/null -D - "$BASE_URL/api/messages" | grep -ci '^WWW-Authenticate:')"
[ "$challenges" -ge 2 ] || fail "an anonymous caller should be offered Basic and Bearer, got $challenges challenge(s)"
log "ok: anonymous -> 401 with a Basic and a Bearer challenge"
sender_user="$(awk '$1 == "it-sender" { print $1 " " $2 }' "$here/../server/test-users.txt")"
remote="$(java -cp "$SERVER_DIR/bin/client/jboss-client.jar:target/sms-tracker-client.jar:target/test-classes" \
    -Duser="${sender_user% *}" -Dpassword="${sender_user#* }" dev.smstrack.sending.RemoteSendClient +46701230002 "remote" 2>/dev/null)"
case "$remote" in REQUEST*) log "ok: the remote EJB still sends for an application user" ;; *) fail "the remote EJB: $remote" ;; esac
log "PASSED: OIDC bearer tokens and Basic on one server"
