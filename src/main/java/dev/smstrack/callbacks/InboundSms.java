package dev.smstrack.callbacks;

import java.time.Instant;

/**
 * mo_text, mo_binary, mo_media: an SMS or MMS sent to one of our numbers. The body is the text,
 * the Base64 of a binary message, or the JSON of a media message.
 */
public record InboundSms(
        String type,
        String id,
        String from,
        String to,
        String body,
        String clientReference,
        Instant sentAt,
        Instant receivedAt)
        implements Callback {

    @Override
    public String dedupKey() {
        return Digests.sha256("mo", id);
    }

    @Override
    public String orderingKey() {
        return null;
    }
}
