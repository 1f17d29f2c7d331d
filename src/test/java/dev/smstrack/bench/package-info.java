/**
 * Load generation and benchmarks, run by hand or by scripts against a running server, never as part
 * of the test suite: what they measure depends on the machine, so they report figures and ratios
 * instead of asserting timings.
 */
package dev.smstrack.bench;
