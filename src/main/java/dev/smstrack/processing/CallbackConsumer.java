package dev.smstrack.processing;

import dev.smstrack.callbacks.CallbackQueue;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Takes callbacks off the queue; any failure rolls back and the broker redelivers the callback. */
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
            callbacks.apply(message.getBody(byte[].class));
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot read queued callback " + messageId(message), e);
        }
    }

    private static String messageId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "(no id)";
        }
    }
}
