package dev.smstrack.processing;

import dev.smstrack.callbacks.CallbackQueue;
import dev.smstrack.callbacks.QueuedCallback;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Takes callbacks off the queue, one transaction each. Any failure rolls back the callback's
 * effects together with its consumption: the broker redelivers it after a delay and, after the
 * configured number of attempts, moves it to the dead-letter queue.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = CallbackQueue.QUEUE),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
        })
public class CallbackConsumer implements MessageListener {

    @Inject
    Callbacks callbacks;

    @Override
    public void onMessage(Message message) {
        try {
            callbacks.apply(QueuedCallback.of(message));
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot read a queued callback", e);
        }
    }
}
