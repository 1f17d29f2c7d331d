/**
 * The SMS we sent, one per recipient, with the current status that the delivery reports moved
 * forward. A status only moves forward, under a row lock, so reports may arrive in any order, twice,
 * or on several nodes at once.
 */
package dev.smstrack.messages;
