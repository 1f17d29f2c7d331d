/**
 * Personal data kept out of sight: the keyed pseudonym that replaces an erased phone number, and
 * the list of erased numbers (by pseudonym) that callbacks arriving after an erasure are masked with.
 */
package dev.smstrack.privacy;
