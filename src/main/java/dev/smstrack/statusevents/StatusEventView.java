package dev.smstrack.statusevents;

import java.time.Instant;

/** A status event as the read API shows it. */
public record StatusEventView(String batchId, String recipient, String status, Integer code, Instant at) {

    static StatusEventView of(StatusEvent event) {
        return new StatusEventView(
                event.batchId(), event.recipient(), event.status(), event.code(), event.reportedAt());
    }
}
