#!/usr/bin/env bash
# Prepares a test configuration of a provisioned server: standalone-it.xml, a copy of the
# standalone-full.xml the build configured (or TEST_CONFIG, a copy of CONFIG), whose application
# realm reads its own users files, filled with the users of test-users.txt by WildFly's add-user.sh.
# The run command's configurations and their users are left alone.
# Usage: prepare.sh [SERVER_DIR [CONFIG TEST_CONFIG]]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
server="$(cd "${1:-target/server}" && pwd)"
config="$server/standalone/configuration"

source_config="${2:-standalone-full.xml}"
test_config="${3:-standalone-it.xml}"

cp "$config/$source_config" "$config/$test_config"
: >"$config/it-application-users.properties"
: >"$config/it-application-roles.properties"
: >"$config/it-mgmt-users.properties"
: >"$config/it-mgmt-groups.properties"
JBOSS_HOME="$server" "$server/bin/jboss-cli.sh" --commands="embed-server --server-config=$test_config --std-out=discard,\
/subsystem=elytron/properties-realm=ApplicationRealm:write-attribute(name=users-properties, value={path=it-application-users.properties, relative-to=jboss.server.config.dir, digest-realm-name=ApplicationRealm}),\
/subsystem=elytron/properties-realm=ApplicationRealm:write-attribute(name=groups-properties, value={path=it-application-roles.properties, relative-to=jboss.server.config.dir}),\
/subsystem=elytron/properties-realm=ManagementRealm:write-attribute(name=users-properties, value={path=it-mgmt-users.properties, relative-to=jboss.server.config.dir, digest-realm-name=ManagementRealm}),\
/subsystem=elytron/properties-realm=ManagementRealm:write-attribute(name=groups-properties, value={path=it-mgmt-groups.properties, relative-to=jboss.server.config.dir}),\
stop-embedded-server" >/dev/null

grep -v '^#' "$here/test-users.txt" | while read -r name password groups; do
    [ -n "$name" ] || continue
    JBOSS_HOME="$server" "$server/bin/add-user.sh" -a -s -u "$name" -p "$password" -g "$groups" -sc "$config" \
        -up it-application-users.properties -gp it-application-roles.properties
done
# The management users of the tests: it-monitor scrapes /metrics as Prometheus would (group
# Monitor: WildFly's Monitor role), it-admin is an administrator, as any user outside that group.
JBOSS_HOME="$server" "$server/bin/add-user.sh" -m -s -u it-monitor -p it-monitor-password -g Monitor -sc "$config" \
    -up it-mgmt-users.properties -gp it-mgmt-groups.properties
JBOSS_HOME="$server" "$server/bin/add-user.sh" -m -s -u it-admin -p it-admin-password -sc "$config" \
    -up it-mgmt-users.properties -gp it-mgmt-groups.properties
echo "prepared $config/$test_config with $(grep -c '^[^#]' "$config/it-application-users.properties") test users"
