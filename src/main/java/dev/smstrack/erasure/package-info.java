/**
 * Erasing a phone number (GDPR): every stored trace of it is removed or replaced by a random
 * pseudonym, in one transaction, and an audit row records who did it and how much it touched.
 */
package dev.smstrack.erasure;
