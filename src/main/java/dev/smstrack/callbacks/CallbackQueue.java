package dev.smstrack.callbacks;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;

/**
 * The durable hand-off between the endpoint and the consumer: persistent JMS messages sent inside
 * the container transaction, so that when {@link #enqueue} returns the broker has the callback.
 * Callbacks about the same message share a JMS group and are therefore consumed in order. The
 * groups are a fixed number of buckets of ordering keys: the broker remembers every group it has
 * seen, and one group per message would grow that memory without end.
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
    /** Selectable by operators: {@code callbackType = 'mo_text'}. */
    public static final String TYPE = "callbackType";

    static final String GROUP = "JMSXGroupID";

    /** Enough to spread the groups over every consumer session, few enough to stay small. */
    static final int GROUPS = 1024;

    @Inject
    JMSContext jms;

    @Resource(lookup = QUEUE)
    Queue callbacks;

    /** Queues in the caller's transaction: nothing is sent unless it commits. */
    public void enqueue(QueuedCallback callback, String orderingKey) {
        send(callback, orderingKey == null ? null : "callbacks-" + Math.floorMod(orderingKey.hashCode(), GROUPS));
    }

    private void send(QueuedCallback callback, String group) {
        var producer = jms.createProducer()
                .setProperty(RECEIVED_AT, callback.receivedAt().toEpochMilli())
                .setProperty(NONCE, callback.nonce())
                .setProperty(PROBLEM, callback.problem())
                .setProperty(TYPE, callback.type());
        if (callback.signedAt() != null) {
            producer.setProperty(SIGNED_AT, callback.signedAt().getEpochSecond());
        }
        if (group != null) {
            producer.setProperty(GROUP, group);
        }
        producer.send(callbacks, callback.rawBody());
    }

    /**
     * Queues at once, outside any transaction: the persistent send returns only when the broker
     * has the message on disk. For the endpoint, which has no transaction of its own to join; it
     * spares the XA round trips to the broker that a one-message transaction costs.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void enqueueDurably(QueuedCallback callback, String orderingKey) {
        enqueue(callback, orderingKey);
    }

    /** Copies a queued callback, with its group, onto the processing queue again. */
    public void requeue(Message message) throws JMSException {
        QueuedCallback callback = QueuedCallback.of(message);
        send(callback, message.getStringProperty(GROUP));
    }
}
