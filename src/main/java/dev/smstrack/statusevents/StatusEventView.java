package dev.smstrack.statusevents;

import java.time.Instant;

/** A status event as the read API shows it; messageId is null while the report is unmatched. */
public record StatusEventView(
        String id,
        String messageId,
        String callbackId,
        String batchId,
        String recipient,
        String clientReference,
        String status,
        Integer code,
        String reason,
        String operator,
        Instant operatorStatusAt,
        Instant at,
        Instant receivedAt) {

    public static StatusEventView of(StatusEvent event) {
        return new StatusEventView(
                event.id(),
                event.messageId(),
                event.callbackId(),
                event.batchId(),
                event.recipient(),
                event.clientReference(),
                event.status(),
                event.code(),
                event.reason(),
                event.operator(),
                event.operatorStatusAt(),
                event.reportedAt(),
                event.receivedAt());
    }
}
