/**
 * Whether a callback really comes from Sinch: its HMAC signature over the raw bytes and/or the Basic
 * credentials Sinch was given, checked in a request filter before any resource runs.
 */
package dev.smstrack.callbacks.authentication;
