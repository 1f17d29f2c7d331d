/**
 * Bearer tokens asked about once, not on every request: an Elytron security realm that checks each
 * token with the OpenID Connect provider's introspection endpoint (as Elytron's own token realm
 * does) and remembers the provider's answer for the token's remaining life, at most a configured
 * bound. Not part of the web application: the build packs this package as the server module {@code
 * dev.smstrack.oidc} (wildfly-config/modules), which {@code wildfly-config/oidc.cli} names as a
 * {@code custom-realm}. It depends on Elytron alone.
 */
package dev.smstrack.security.introspection;
