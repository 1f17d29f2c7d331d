/**
 * What every feature stands on and no single one owns: identifiers, digests, phone numbers and texts
 * fitted to their columns. The web boundary and persistence each have a package of their own below.
 */
package dev.smstrack.platform;
