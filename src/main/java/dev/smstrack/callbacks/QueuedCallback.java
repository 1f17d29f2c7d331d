package dev.smstrack.callbacks;

import dev.smstrack.callbacks.authentication.VerifiedNonce;
import dev.smstrack.platform.Digests;
import dev.smstrack.platform.Ids;
import dev.smstrack.platform.web.RequestIds;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.time.Instant;
import org.jboss.logging.MDC;

/**
 * A callback as it travels through the queue: the id it is stored under (given when it arrives, so
 * that the logs name it from intake to the consumer), the raw bytes Sinch sent, the verified nonce
 * and when it was signed (both null without signing), when it arrived, why it was rejected if it
 * could not be read, its type (for operators, who retry dead letters by type) and the SMS batch it
 * is about, if any (for the logs).
 */
public record QueuedCallback(
        String id,
        byte[] rawBody,
        String nonce,
        Instant signedAt,
        Instant receivedAt,
        String problem,
        String type,
        String batchId) {

    /** A callback as it arrived, with the nonce of its verified signature or null. */
    public static QueuedCallback received(
            byte[] rawBody, VerifiedNonce nonce, Instant receivedAt, String problem, String type, String batchId) {
        return nonce == null
                ? new QueuedCallback(Ids.newId(), rawBody, null, null, receivedAt, problem, type, batchId)
                : new QueuedCallback(
                        Ids.newId(), rawBody, nonce.value(), nonce.signedAt(), receivedAt, problem, type, batchId);
    }

    /** A callback of our own making (a report looked up at Sinch): no signature, nothing to reject. */
    public static QueuedCallback unsigned(byte[] rawBody, Instant receivedAt, String type) {
        return unsigned(rawBody, receivedAt, type, null);
    }

    /** The same, about this SMS batch. */
    public static QueuedCallback unsigned(byte[] rawBody, Instant receivedAt, String type, String batchId) {
        return new QueuedCallback(Ids.newId(), rawBody, null, null, receivedAt, null, type, batchId);
    }

    /** Puts its id and batch id in the log context of this thread (or takes out what is not known). */
    public void enterLogContext() {
        MDC.put(RequestIds.CALLBACK_ID_KEY, id);
        if (batchId != null) {
            MDC.put(RequestIds.BATCH_ID_KEY, batchId);
        } else {
            MDC.remove(RequestIds.BATCH_ID_KEY);
        }
    }

    /** Writes the callback into a queue message, with the request it came in (or null), for the logs. */
    void writeTo(BytesMessage message, String requestId) throws JMSException {
        message.writeBytes(rawBody);
        message.setLongProperty(CallbackQueue.RECEIVED_AT, receivedAt.toEpochMilli());
        message.setStringProperty(CallbackQueue.NONCE, nonce);
        message.setStringProperty(CallbackQueue.PROBLEM, problem);
        message.setStringProperty(CallbackQueue.TYPE, type);
        message.setStringProperty(CallbackQueue.CALLBACK_ID, id);
        message.setStringProperty(CallbackQueue.BATCH_ID, batchId);
        if (signedAt != null) {
            message.setLongProperty(CallbackQueue.SIGNED_AT, signedAt.getEpochSecond());
        }
        if (requestId != null) {
            message.setStringProperty(CallbackQueue.REQUEST_ID, requestId); // so that the consumer logs under it too
        }
    }

    /** Reads back a callback that {@link #writeTo} wrote. */
    public static QueuedCallback of(Message message) throws JMSException {
        // Queued before callbacks had their id at intake: given one now.
        String id = message.getStringProperty(CallbackQueue.CALLBACK_ID);
        return new QueuedCallback(
                id != null ? id : Ids.newId(),
                message.getBody(byte[].class),
                message.getStringProperty(CallbackQueue.NONCE),
                message.propertyExists(CallbackQueue.SIGNED_AT)
                        ? Instant.ofEpochSecond(message.getLongProperty(CallbackQueue.SIGNED_AT))
                        : null,
                Instant.ofEpochMilli(message.getLongProperty(CallbackQueue.RECEIVED_AT)),
                message.getStringProperty(CallbackQueue.PROBLEM),
                message.getStringProperty(CallbackQueue.TYPE),
                message.getStringProperty(CallbackQueue.BATCH_ID));
    }

    /** The same callback with other bytes (an erased number masked in them). */
    public QueuedCallback withRawBody(byte[] body) {
        return new QueuedCallback(id, body, nonce, signedAt, receivedAt, problem, type, batchId);
    }

    /** The dedup key of a callback known only by its bytes. */
    public String rawDigest() {
        return Digests.sha256(rawBody);
    }
}
