package dev.smstrack.callbacks;

import java.time.Instant;

/** A Conversation API inbound message; the body is the text, or the JSON of any other content. */
public record ConversationInbound(
        String id, String channel, String from, String to, String body, String correlationId, Instant at)
        implements Callback {

    @Override
    public String type() {
        return "message";
    }

    @Override
    public String dedupKey() {
        return Digests.sha256("conversation-message", id);
    }

    @Override
    public String orderingKey() {
        return null;
    }
}
