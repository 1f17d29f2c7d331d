package dev.smstrack.callbacks;

import dev.smstrack.platform.web.RequestIds;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;

/**
 * The durable hand-off between the endpoint and the consumer: persistent JMS messages sent inside
 * the container transaction, so that when {@link #enqueue} returns the broker has the callback.
 * Callbacks are consumed in any order, many at a time: what they report is applied by rank and
 * report time ({@link dev.smstrack.messages.StatusLifecycle}), whatever order they arrive in.
 */
@Stateless
@PermitAll
public class CallbackQueue {

    public static final String QUEUE = "java:/jms/queue/SmsTrackerCallbacks";
    public static final String DEAD_LETTER_QUEUE = "java:/jms/queue/SmsTrackerCallbacksDLQ";

    static final String NONCE = "nonce";
    static final String SIGNED_AT = "signedAt";
    static final String RECEIVED_AT = "receivedAt";
    static final String PROBLEM = "problem";
    static final String CALLBACK_ID = "callbackId";
    static final String BATCH_ID = "batchId";
    public static final String REQUEST_ID = "requestId";
    /** Selectable by operators: {@code callbackType = 'mo_text'}. */
    public static final String TYPE = "callbackType";

    @Inject
    JMSContext jms;

    @Resource(lookup = QUEUE)
    Queue callbacks;

    /** Queues in the caller's transaction: nothing is sent unless it commits. */
    public void enqueue(QueuedCallback callback) {
        enqueue(callback, callbacks);
    }

    /** The same, onto another queue (a dead letter rewritten goes back to the dead-letter queue). */
    public void enqueue(QueuedCallback callback, Queue queue) {
        try {
            var message = jms.createBytesMessage();
            callback.writeTo(message, RequestIds.currentIfAny());
            jms.createProducer().send(queue, message);
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    /** Copies a queued callback onto the processing queue again. */
    public void requeue(Message message) throws JMSException {
        enqueue(QueuedCallback.of(message));
    }
}
