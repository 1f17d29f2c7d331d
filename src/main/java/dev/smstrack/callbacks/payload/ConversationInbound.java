package dev.smstrack.callbacks.payload;

import dev.smstrack.inbound.InboundMessage;
import dev.smstrack.platform.Digests;
import java.time.Instant;
import java.util.Optional;

/** A Conversation API inbound message; the body is the text, or the JSON of any other content. */
public record ConversationInbound(
        String id, String channel, String from, String to, String body, String correlationId, Instant at)
        implements Callback {

    public ConversationInbound {
        FieldLimits.atMost(FieldLimits.ADDRESS, "message.id", id);
        FieldLimits.atMost(FieldLimits.CHANNEL, "channel_identity.channel", channel);
        FieldLimits.atMost(FieldLimits.ADDRESS, "channel_identity.identity", from);
        FieldLimits.atMost(FieldLimits.ADDRESS, "app_id", to);
        FieldLimits.atMost(FieldLimits.REFERENCE, "correlation_id", correlationId);
    }

    @Override
    public String type() {
        return ConversationCallbacks.INBOUND;
    }

    @Override
    public String dedupKey() {
        return Digests.sha256("conversation-message", id);
    }

    @Override
    public Optional<InboundMessage.Received> inbound(Instant receivedAt) {
        return Optional.of(new InboundMessage.Received(
                id, "conversation:" + channel, from, to, body, correlationId, at, receivedAt));
    }
}
