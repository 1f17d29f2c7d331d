package dev.smstrack.messages;

import java.time.Instant;

/**
 * A message whose reconciliation check is due: what a lookup at Sinch needs, read without a lock.
 * {@code scheduledFor} is when Sinch was to send it, if it was scheduled; null otherwise.
 */
public record DueCheck(
        String id, String batchId, String recipient, Instant createdAt, Instant scheduledFor, int checks) {

    /** When it went out to Sinch's recipients: its scheduled time, or when it was created. */
    public Instant sentAt() {
        return Message.sentAt(createdAt, scheduledFor);
    }
}
