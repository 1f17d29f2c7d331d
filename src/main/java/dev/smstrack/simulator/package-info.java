/**
 * A Sinch stand-in, on only when SINCH_SIMULATOR=true: it accepts batches like the SMS REST API (for
 * its bearer token only) and reports deliveries, with realistic delays, outcomes and faults, straight
 * into this server's callback intake. It makes the product a working demo without an account and
 * gives the tests a Sinch that misbehaves on purpose; it calls no URL and holds no secret, so it
 * cannot be turned against another host or forge signed callbacks. Its state lives in one JVM: it
 * is a development tool, not for clusters.
 */
package dev.smstrack.simulator;
