/**
 * How the product uses its database: schema migrations at deployment, leases that give cluster-wide
 * work to one node, list commits, optional filters, and whether the database is reachable now.
 */
package dev.smstrack.platform.persistence;
