/**
 * A Sinch stand-in, active only while no Sinch credentials are configured: it accepts batches like
 * the SMS REST API and calls back with signed delivery reports, with realistic delays, outcomes and
 * faults. It makes the product a working demo without an account and gives the tests a Sinch that
 * misbehaves on purpose. Its state lives in one JVM: it is a development tool, not for clusters.
 */
package dev.smstrack.simulator;
