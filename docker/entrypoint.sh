#!/usr/bin/env bash
# Starts the SMS tracker in its container, configured by the environment alone (README, "Containers").
#   docker-entrypoint.sh          start the server (the image's command)
#   docker-entrypoint.sh health   exit 0 if this node is ready (the image's HEALTHCHECK)
set -euo pipefail
cd "$SMS_TRACKER_HOME"

if [ "${1:-}" = health ]; then
    # No curl in a JRE image: bash's own TCP, one request to the management port's readiness.
    exec 3<>/dev/tcp/127.0.0.1/9990
    printf 'GET /health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
    read -r _ status _ <&3
    [ "$status" = 200 ]
    exit
fi

fail() { echo "sms-tracker: $*" >&2; exit 1; }

# <NAME>_FILE names a file that holds NAME's value (a Docker or Kubernetes secret).
for file_var in $(compgen -e | grep '_FILE$' || true); do
    name="${file_var%_FILE}"
    [ -z "${!name:-}" ] || fail "both $name and $file_var are set; set one"
    [ -r "${!file_var}" ] || fail "$file_var names ${!file_var}, which cannot be read"
    export "$name=$(cat "${!file_var}")"
    unset "$file_var"
done

# Users, one per line: name:password:role,role (application realm; the roles are sms-sender,
# sms-reader, sms-operator); name:password (management realm: SMS_TRACKER_METRICS_USERS, in group
# Monitor, read /metrics and nothing that matters; SMS_TRACKER_MANAGEMENT_USERS administer). The
# files are written afresh at every start, so that the users are exactly those of the environment.
# add_users REALM USERS_FILE GROUPS_FILE LINES [GROUPS]: appends the users of LINES; with GROUPS,
# the lines are name:password and every user is in GROUPS, else name:password:group,group.
add_users() {
    local realm="$1" users_file="$2" groups_file="$3" lines="$4" groups_for_all="${5:-}" line name password groups
    while IFS= read -r line; do
        line="${line%$'\r'}"
        [ -n "$line" ] || continue
        name="${line%%:*}" password="${line#*:}" groups="$groups_for_all"
        [ "$password" != "$line" ] || fail "user line '$name' has no password"
        if [ -n "$groups_file" ] && [ -z "$groups_for_all" ]; then # the roles follow the last colon; the password may hold colons
            [[ "$password" == *:* ]] || fail "user line '$name' is not name:password:role,role"
            groups="${password##*:}" password="${password%:*}"
        fi
        [[ "$name" =~ ^[A-Za-z0-9._@-]+$ ]] || fail "user name '$name' may hold only letters, digits and . _ @ -"
        [ -n "$password" ] || fail "user $name has no password"
        ! awk -F= -v name="$name" '$1 == name { found = 1 } END { exit !found }' "$users_file" \
            || fail "user $name is given twice"
        printf '%s=%s\n' "$name" "$(printf '%s:%s:%s' "$name" "$realm" "$password" | md5sum | cut -d' ' -f1)" >>"$users_file"
        [ -z "$groups" ] || printf '%s=%s\n' "$name" "$groups" >>"$groups_file"
    done <<<"$lines"
}
config=standalone/configuration
for realm_files in "ApplicationRealm application-users application-roles" "ManagementRealm mgmt-users mgmt-groups"; do
    read -r realm users groups <<<"$realm_files"
    printf '#$REALM_NAME=%s$\n' "$realm" >"$config/$users.properties"
    : >"$config/$groups.properties"
done
add_users ApplicationRealm "$config/application-users.properties" "$config/application-roles.properties" \
    "${SMS_TRACKER_USERS:-}"
add_users ManagementRealm "$config/mgmt-users.properties" "" "${SMS_TRACKER_MANAGEMENT_USERS:-}"
add_users ManagementRealm "$config/mgmt-users.properties" "$config/mgmt-groups.properties" \
    "${SMS_TRACKER_METRICS_USERS:-}" Monitor
unset SMS_TRACKER_USERS SMS_TRACKER_MANAGEMENT_USERS SMS_TRACKER_METRICS_USERS

# A cluster node (docs/cluster.md) when SMS_TRACKER_CLUSTER_MEMBERS lists the nodes (host[7600],...):
# standalone-full-ha.xml, named by its hostname, talking to the others on its own address.
server_config=standalone-full.xml
cluster_options=()
if [ -n "${SMS_TRACKER_CLUSTER_MEMBERS:-}" ]; then
    [ -n "${SMS_TRACKER_CLUSTER_PASSWORD:-}" ] \
        || fail "SMS_TRACKER_CLUSTER_MEMBERS is set but SMS_TRACKER_CLUSTER_PASSWORD (or its _FILE) is not"
    # Each node would otherwise make its own key, and not recognise the numbers the others erased.
    [ -n "${ERASURE_KEY:-}" ] \
        || fail "SMS_TRACKER_CLUSTER_MEMBERS is set but ERASURE_KEY (or its _FILE) is not: the nodes need one key for erased numbers"
    [ -n "${SMS_TRACKER_BROKER_CLUSTER_PASSWORD:-}" ] \
        || fail "SMS_TRACKER_CLUSTER_MEMBERS is set but SMS_TRACKER_BROKER_CLUSTER_PASSWORD (or its _FILE) is not: the nodes' brokers need a credential of their own"
    [ "$SMS_TRACKER_BROKER_CLUSTER_PASSWORD" != "$SMS_TRACKER_CLUSTER_PASSWORD" ] \
        || fail "SMS_TRACKER_BROKER_CLUSTER_PASSWORD must not be SMS_TRACKER_CLUSTER_PASSWORD"
    # The AES key that encrypts what the nodes say (docs/cluster.md shows the keytool command).
    [ -n "${SMS_TRACKER_CLUSTER_KEYSTORE:-}" ] && [ -r "$SMS_TRACKER_CLUSTER_KEYSTORE" ] \
        || fail "SMS_TRACKER_CLUSTER_MEMBERS is set but SMS_TRACKER_CLUSTER_KEYSTORE names no readable key store: the nodes need one key to encrypt what they say"
    keytool -list -storetype PKCS12 -keystore "$SMS_TRACKER_CLUSTER_KEYSTORE" -storepass:env SMS_TRACKER_CLUSTER_PASSWORD \
        -alias cluster >/dev/null 2>&1 \
        || fail "the key store $SMS_TRACKER_CLUSTER_KEYSTORE does not open with SMS_TRACKER_CLUSTER_PASSWORD, or holds no key named cluster"
    server_config=standalone-full-ha.xml
    address="$(getent ahostsv4 "$(hostname)" | awk '{ print $1; exit }' || true)"
    case "$address" in
        "" | 127.*) fail "this container's hostname $(hostname) has no address to cluster on (found '${address}')" ;;
    esac
    cluster_options=(-Dsms-tracker.cluster.members="$SMS_TRACKER_CLUSTER_MEMBERS" -Djboss.bind.address.private="$address"
        -Dsms-tracker.cluster.keystore="$SMS_TRACKER_CLUSTER_KEYSTORE")
fi

# Bearer tokens of an OpenID Connect provider: wildfly-config/oidc.cli adds or removes them by
# OIDC_PROVIDER_URL. Applied only when there is something to change (it boots an embedded server).
if [ -n "${OIDC_PROVIDER_URL:-}" ] || grep -q OidcTokenRealm "$config/$server_config"; then
    { echo "embed-server --std-out=discard --server-config=$server_config"
      cat bin/oidc.cli
      echo "stop-embedded-server"; } >standalone/tmp-oidc.cli
    bin/jboss-cli.sh --file=standalone/tmp-oidc.cli >/dev/null || fail "the OIDC_* settings could not be applied"
    rm -f standalone/tmp-oidc.cli
fi

# The server forwards SIGTERM to WildFly, which finishes what it holds and stops.
export LAUNCH_JBOSS_IN_BACKGROUND=true
exec bin/standalone.sh -c "$server_config" -b 0.0.0.0 -bmanagement 0.0.0.0 "${cluster_options[@]}" "$@"
