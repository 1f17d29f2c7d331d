package dev.smstrack.messages;

import dev.smstrack.statusevents.StatusEventView;
import java.time.Instant;
import java.util.List;

/**
 * A message as the read API shows it; events (its history) only when asked for one message;
 * deliveredAfterMs, from sent to the handset, once it is delivered; what Sinch's reports say it applied
 * (originator, encoding, parts) where they say it; when delivery feedback was given, if it was.
 */
public record MessageView(
        String id,
        String batchId,
        String recipient,
        String clientReference,
        String status,
        Integer code,
        Instant statusAt,
        String encoding,
        Integer parts,
        Instant createdAt,
        String operator,
        Long deliveredAfterMs,
        List<StatusEventView> events,
        String appliedOriginator,
        String reportedEncoding,
        Integer reportedParts,
        Instant feedbackAt) {

    public static MessageView of(Message message, List<StatusEventView> events) {
        return new MessageView(
                message.id(),
                message.batchId(),
                message.recipient(),
                message.clientReference(),
                message.status(),
                message.code(),
                message.statusAt(),
                message.encoding(),
                message.parts(),
                message.createdAt(),
                message.operator(),
                message.deliveredAfterMs(),
                events,
                message.appliedOriginator(),
                message.reportedEncoding(),
                message.reportedParts(),
                message.feedbackAt());
    }
}
