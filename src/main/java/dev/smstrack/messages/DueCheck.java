package dev.smstrack.messages;

import java.time.Instant;

/** A message whose reconciliation check is due: what a lookup at Sinch needs, read without a lock. */
public record DueCheck(String id, String batchId, String recipient, Instant createdAt, int checks) {}
