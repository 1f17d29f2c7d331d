/**
 * The history of delivery statuses Sinch reported, one row per report, kept with its raw payload so
 * that operators can always see exactly what Sinch said and when.
 */
package dev.smstrack.statusevents;
