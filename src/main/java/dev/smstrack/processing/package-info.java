/**
 * Applies queued callbacks, off the request path: the consumer takes them from the queue in lists,
 * stores each list and what it reports in one database transaction, and only then commits its JMS
 * transaction, so that a callback that fails is delivered again by the broker.
 */
package dev.smstrack.processing;
