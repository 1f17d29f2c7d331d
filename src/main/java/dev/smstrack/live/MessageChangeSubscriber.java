package dev.smstrack.live;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.jboss.logging.Logger;

/**
 * This node's subscription to the changes committed on any node (a topic: every node gets each),
 * handed on as they came to the dashboards connected here. One session keeps them in order.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = MessageChanges.TOPIC),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
        })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MessageChangeSubscriber implements MessageListener {

    private static final Logger LOG = Logger.getLogger(MessageChangeSubscriber.class);

    @Inject
    Watchers watchers;

    @Override
    public void onMessage(Message changes) {
        try {
            watchers.tell(changes.getBody(String.class));
        } catch (JMSException | RuntimeException e) {
            // Not worth a redelivery: the dashboards read their page again when they reconnect.
            LOG.debugf(e, "message changes not passed on");
        }
    }
}
