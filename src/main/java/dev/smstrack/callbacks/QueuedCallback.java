package dev.smstrack.callbacks;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.time.Instant;

/**
 * A callback as it travels through the queue: the raw bytes Sinch sent, the verified nonce (null
 * without signing), when it arrived, and why it was rejected if it could not be read.
 */
public record QueuedCallback(byte[] rawBody, String nonce, Instant receivedAt, String problem) {

    /** Reads back a callback that {@link CallbackQueue#enqueue} sent. */
    public static QueuedCallback of(Message message) throws JMSException {
        return new QueuedCallback(
                message.getBody(byte[].class),
                message.getStringProperty(CallbackQueue.NONCE),
                Instant.ofEpochMilli(message.getLongProperty(CallbackQueue.RECEIVED_AT)),
                message.getStringProperty(CallbackQueue.PROBLEM));
    }

    /** The dedup key of a callback known only by its bytes. */
    public String rawDigest() {
        return Digests.sha256(rawBody);
    }
}
