package dev.smstrack.sending;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Takes submissions due for an attempt off their queue and tries them. */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = SubmissionQueue.QUEUE),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
        })
public class SubmissionConsumer implements MessageListener {

    @Inject
    Submitter submitter;

    @Override
    public void onMessage(Message message) {
        try {
            // A redelivery means an earlier try may have reached Sinch before it failed here.
            boolean mayHaveReachedSinch = message.getJMSRedelivered();
            submitter.attempt(
                    message.getBody(String.class),
                    message.getIntProperty(SubmissionQueue.ATTEMPT),
                    mayHaveReachedSinch);
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot read a queued submission", e);
        }
    }
}
