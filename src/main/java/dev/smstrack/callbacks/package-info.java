/**
 * Where Sinch's callbacks enter: the endpoint and the durable hand-off to the processing queue. A
 * callback is acknowledged only once it is safely queued; who may call and what a body holds are
 * decided in the two packages below.
 */
package dev.smstrack.callbacks;
