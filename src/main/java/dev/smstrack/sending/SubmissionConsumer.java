package dev.smstrack.sending;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Takes submissions due for an attempt off their queue and tries them, with no transaction: the
 * attempt's steps have their own, and none is open while Sinch is called. A failure here (the
 * database gone) leaves the message to the broker, which delivers it again.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = SubmissionQueue.QUEUE),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
        })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SubmissionConsumer implements MessageListener {

    @Inject
    Submitter submitter;

    @Override
    public void onMessage(Message message) {
        try {
            // A redelivery, or a resumed request, means an earlier try may have reached Sinch.
            boolean mayHaveReachedSinch =
                    message.getJMSRedelivered() || message.getBooleanProperty(SubmissionQueue.RESUMED);
            submitter.attempt(
                    message.getBody(String.class),
                    message.getIntProperty(SubmissionQueue.ATTEMPT),
                    message.getJMSMessageID(),
                    mayHaveReachedSinch);
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot read a queued submission", e);
        }
    }
}
