package dev.smstrack.callbacks;

import dev.smstrack.platform.Digests;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.time.Instant;

/**
 * A callback as it travels through the queue: the raw bytes Sinch sent, the verified nonce and when
 * it was signed (both null without signing), when it arrived, why it was rejected if it could not be
 * read, and its type (for operators, who retry dead letters by type).
 */
public record QueuedCallback(
        byte[] rawBody, String nonce, Instant signedAt, Instant receivedAt, String problem, String type) {

    /** A callback as it arrived, with the nonce of its verified signature or null. */
    public static QueuedCallback received(
            byte[] rawBody, VerifiedNonce nonce, Instant receivedAt, String problem, String type) {
        return nonce == null
                ? new QueuedCallback(rawBody, null, null, receivedAt, problem, type)
                : new QueuedCallback(rawBody, nonce.value(), nonce.signedAt(), receivedAt, problem, type);
    }

    /** A callback of our own making (a report looked up at Sinch): no signature, nothing to reject. */
    public static QueuedCallback unsigned(byte[] rawBody, Instant receivedAt, String type) {
        return new QueuedCallback(rawBody, null, null, receivedAt, null, type);
    }

    /** Reads back a callback that {@link CallbackQueue#enqueue} sent. */
    public static QueuedCallback of(Message message) throws JMSException {
        return new QueuedCallback(
                message.getBody(byte[].class),
                message.getStringProperty(CallbackQueue.NONCE),
                message.propertyExists(CallbackQueue.SIGNED_AT)
                        ? Instant.ofEpochSecond(message.getLongProperty(CallbackQueue.SIGNED_AT))
                        : null,
                Instant.ofEpochMilli(message.getLongProperty(CallbackQueue.RECEIVED_AT)),
                message.getStringProperty(CallbackQueue.PROBLEM),
                message.getStringProperty(CallbackQueue.TYPE));
    }

    /** The dedup key of a callback known only by its bytes. */
    public String rawDigest() {
        return Digests.sha256(rawBody);
    }
}
