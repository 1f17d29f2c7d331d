/**
 * What every feature stands on: schema migrations at deployment, identifiers, type conversions and
 * the mapping of unexpected failures to answers that reveal nothing internal.
 */
package dev.smstrack.platform;
