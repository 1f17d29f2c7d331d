/**
 * Who may do what. Access is the platform's: Elytron authenticates (HTTP Basic against the
 * application realm, and bearer tokens of an OpenID Connect provider when one is configured), the
 * web container demands a login for everything under /api but Sinch's callback endpoint, and
 * {@code @RolesAllowed} on every resource method and on the SmsSending EJB decides. Nothing here
 * checks a password or a token by hand: this package only names the roles. The callback endpoint
 * stays open to the platform because Sinch proves itself with its own signature or Basic
 * credentials; the simulator, when switched on, demands its own bearer token. Beans behind the
 * resources are {@code @PermitAll}: their callers are this application's own resources, consumers
 * and timers, each of which has already been admitted.
 */
package dev.smstrack.security;
