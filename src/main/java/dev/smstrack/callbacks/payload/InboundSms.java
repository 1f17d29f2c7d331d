package dev.smstrack.callbacks.payload;

import dev.smstrack.inbound.InboundMessage;
import dev.smstrack.platform.Digests;
import java.time.Instant;
import java.util.Optional;

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

    public InboundSms {
        FieldLimits.atMost(FieldLimits.ADDRESS, "id", id);
        FieldLimits.atMost(FieldLimits.ADDRESS, "from", from);
        FieldLimits.atMost(FieldLimits.ADDRESS, "to", to);
        FieldLimits.atMost(FieldLimits.REFERENCE, "client_reference", clientReference);
    }

    @Override
    public String dedupKey() {
        return Digests.sha256("mo", id);
    }

    @Override
    public Optional<InboundMessage.Received> inbound(Instant arrivedAt) {
        return Optional.of(new InboundMessage.Received(
                id, type, from, to, body, clientReference, sentAt, receivedAt != null ? receivedAt : arrivedAt));
    }
}
