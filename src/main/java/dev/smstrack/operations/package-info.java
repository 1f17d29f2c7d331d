/**
 * What operators watch: readiness and liveness checks (MicroProfile Health) and the product's meters
 * (Micrometer), both served by WildFly's own subsystems on the management interface.
 */
package dev.smstrack.operations;
