/**
 * Delivery statistics: how many messages reached which status, by operator and over time, and how
 * long they took to reach the handset. Counted at query time from the messages themselves, through
 * one index that covers every column read, so that nothing on the path of a report is added to.
 */
package dev.smstrack.statistics;
