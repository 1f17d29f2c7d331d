/**
 * Where Sinch's callbacks enter: the endpoint, the signature check on the raw bytes, and the durable
 * hand-off to the processing queue. Nothing is parsed or stored here, so that answering Sinch stays
 * fast and a callback is acknowledged only once it is safely queued.
 */
package dev.smstrack.callbacks;
