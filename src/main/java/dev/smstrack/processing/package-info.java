/**
 * Applies queued callbacks, off the request path: the consumer takes one callback at a time from the
 * queue and stores what it reports in the same transaction, so a failure rolls both back and the
 * broker delivers the callback again.
 */
package dev.smstrack.processing;
