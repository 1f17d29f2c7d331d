package dev.smstrack.callbacks.payload;

import dev.smstrack.platform.Digests;
import dev.smstrack.statusevents.StatusEvent.Report;
import java.time.Instant;
import java.util.List;

/**
 * A Conversation API message_delivery_report or event_delivery_report: the status of one message
 * (or event) on one channel identity. The correlation id plays the part of the client reference.
 */
public record ConversationDeliveryReport(
        String type,
        String messageId,
        String status,
        String channel,
        String identity,
        String reason,
        String correlationId,
        Instant at)
        implements Callback {

    public ConversationDeliveryReport {
        FieldLimits.atMost(FieldLimits.ID, "message_id", messageId);
        FieldLimits.atMost(FieldLimits.STATUS, "status", status);
        FieldLimits.atMost(FieldLimits.CHANNEL, "channel_identity.channel", channel);
        FieldLimits.atMost(FieldLimits.RECIPIENT, "channel_identity.identity", identity);
        FieldLimits.atMost(FieldLimits.REFERENCE, "correlation_id", correlationId);
        reason = FieldLimits.cut(FieldLimits.REASON, reason);
    }

    @Override
    public String dedupKey() {
        return Digests.sha256(type, messageId, status, channel, identity, at.toEpochMilli());
    }

    @Override
    public List<Report> reports(Instant receivedAt) {
        return List.of(new Report(messageId, identity, correlationId, status, null, reason, at));
    }
}
