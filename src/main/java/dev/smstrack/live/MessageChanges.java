package dev.smstrack.live;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Topic;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Publishes committed changes on the topic that every node's {@link MessageChangeSubscriber} reads.
 * Outside any transaction (the one that wrote them is over) and not persisted: a change is worth
 * showing only while someone watches, and a dashboard that missed one reads the list again.
 */
@ApplicationScoped
public class MessageChanges {

    public static final String TOPIC = "java:/jms/topic/SmsTrackerMessageChanges";

    private static final Logger LOG = Logger.getLogger(MessageChanges.class);

    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    /** The in-VM factory without a pool or XA: this context is kept and used by one thread at a time. */
    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory connections;

    @Resource(lookup = TOPIC)
    Topic topic;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private JMSContext context;

    /** Hands the listener what it needs, once: it runs where neither CDI nor JNDI may be at hand. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        MessageChangeListener.start(transactions, this);
    }

    synchronized void publish(List<MessageChange> changes) {
        try {
            if (context == null) {
                context = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE);
            }
            context.createProducer()
                    .setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                    .setDisableMessageID(true)
                    .send(topic, JSON.toJson(changes));
        } catch (RuntimeException e) {
            // What is stored stays stored; only the dashboards miss this change until they reload.
            LOG.debugf(e, "%d message changes not published", changes.size());
            close();
        }
    }

    @PreDestroy
    void stop() {
        MessageChangeListener.stop();
        close();
    }

    private synchronized void close() {
        if (context != null) {
            try {
                context.close();
            } catch (JMSRuntimeException e) {
                LOG.debugf(e, "closing the message changes' JMS context");
            }
            context = null;
        }
    }
}
