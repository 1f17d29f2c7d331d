package dev.smstrack.live;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.jboss.logging.Logger;

/**
 * Publishes committed changes on the topic that every node's {@link MessageChangeSubscriber} reads,
 * from a thread of its own: a committing transaction only hands them over (and never waits, not even
 * for a stuck broker). Outside any transaction and not persisted: a change is worth showing only
 * while someone watches, and a dashboard that missed one reads its page again.
 */
@ApplicationScoped
public class MessageChanges {

    public static final String TOPIC = "java:/jms/topic/SmsTrackerMessageChanges";

    private static final Logger LOG = Logger.getLogger(MessageChanges.class);

    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    /** The in-VM factory without a pool or XA: this context is kept, and used by the publisher thread only. */
    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory connections;

    @Resource(lookup = TOPIC)
    Topic topic;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Its own thread, so that a committing transaction only hands its changes over. */
    @Resource
    ManagedThreadFactory threads;

    /** What waits to be published; when it is full (the broker stuck) changes are dropped, not waited for. */
    private final BlockingQueue<List<MessageChange>> waiting = new ArrayBlockingQueue<>(1_000);

    private volatile boolean stopped;
    /** Some node has a dashboard watching ({@link Heartbeat}): else nothing is published. */
    private volatile boolean watched;

    private Thread publisher;
    private JMSContext context;

    /** Hands the listener what it needs, once: it runs where neither CDI nor JNDI may be at hand. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        publisher = threads.newThread(this::publishWhatWaits);
        publisher.start();
        MessageChangeListener.start(transactions, this);
    }

    /** Called as a transaction commits: never blocks it. */
    void publish(List<MessageChange> changes) {
        if (stopped || !watched) {
            return;
        }
        if (!waiting.offer(changes)) {
            LOG.debugf("%d message changes dropped: %d lists wait to be published", changes.size(), waiting.size());
        }
    }

    void watched(boolean anywhere) {
        watched = anywhere;
    }

    /** Whether changes are published now: the listener collects none while they would be dropped. */
    boolean watched() {
        return watched;
    }

    private void publishWhatWaits() {
        while (!stopped) {
            try {
                send(waiting.take());
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void send(List<MessageChange> changes) {
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
        stopped = true;
        MessageChangeListener.stop();
        if (publisher != null) {
            publisher.interrupt();
            try {
                publisher.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        close();
    }

    private void close() {
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
