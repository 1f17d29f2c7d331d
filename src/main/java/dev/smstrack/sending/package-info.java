/**
 * Sending SMS through Sinch: the EJB other applications call, the REST endpoint, and the submission
 * of each request to Sinch. A request is stored first (so that a report racing the answer still
 * finds its message) and submitted off the caller's thread through a queue, whose delayed
 * redeliveries carry the retries: nothing waits in memory, and a crash loses no send.
 */
package dev.smstrack.sending;
