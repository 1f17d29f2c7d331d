package dev.smstrack.callbacks;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;

/**
 * Hands verified callbacks to the processing queue as persistent messages, inside the container
 * transaction: when {@link #enqueue} returns, the broker has the callback.
 */
@Stateless
public class CallbackQueue {

    public static final String QUEUE = "java:/jms/queue/SmsTrackerCallbacks";

    @Inject
    JMSContext jms;

    @Resource(lookup = QUEUE)
    Queue callbacks;

    /** Queues the raw callback body, byte for byte as Sinch signed it. */
    public void enqueue(byte[] rawBody) {
        jms.createProducer().send(callbacks, rawBody);
    }
}
