package dev.smstrack.callbacks;

import dev.smstrack.platform.ByteBudget;
import dev.smstrack.platform.web.RequestIds;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Puts accepted callbacks on the queue in grouped transactions, so that no request waits alone for
 * the broker's journal: a few writer threads each hold a transacted session on the broker's in-VM
 * connection factory (not the pooled, XA one), take every callback waiting (up to {@link
 * IntakeSettings#largestGroup}), send them and commit once. The commit returns when the broker has
 * them on disk; only then is each caller's stage completed, and a failed commit fails every stage of its group,
 * which the endpoint answers 503. Durability is the same as one commit a callback; the disk's
 * syncs are shared.
 */
@ApplicationScoped
public class GroupedQueueWriters {

    private static final Logger LOG = Logger.getLogger(GroupedQueueWriters.class.getName());

    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory inVm;

    @Resource(lookup = CallbackQueue.QUEUE)
    Queue callbacks;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperties
    IntakeSettings settings;

    private final BlockingQueue<Waiting> waiting = new LinkedBlockingQueue<>();
    private final List<Thread> running = new ArrayList<>();
    private ByteBudget budget;
    private volatile boolean stopping;

    private record Waiting(QueuedCallback callback, String requestId, CompletableFuture<Void> queued) {}

    @PostConstruct
    void start() {
        budget = new ByteBudget(settings.waitingBytes);
        for (int i = 0; i < settings.writers; i++) {
            Thread writer = threads.newThread(this::write);
            writer.setName("callback-queue-writer-" + i);
            running.add(writer);
            writer.start();
        }
    }

    /** Lets each writer finish the group it commits (never interrupted: a commit cut off answers nobody). */
    @PreDestroy
    void stop() {
        stopping = true;
        for (Thread writer : running) {
            try {
                writer.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        var left = new ArrayList<Waiting>();
        waiting.drainTo(left);
        fail(left, refusalWhileStopping());
    }

    /**
     * Queues the callback durably; the stage completes once it is on the broker's disk, or fails with
     * {@link BrokerRefusalException} when the broker did not take it.
     */
    public CompletionStage<Void> enqueue(QueuedCallback callback, String requestId) {
        var entry = new Waiting(callback, requestId, new CompletableFuture<>());
        if (stopping) {
            entry.queued().completeExceptionally(refusalWhileStopping());
        } else if (!budget.reserve(callback.rawBody().length)) {
            entry.queued().completeExceptionally(new BrokerRefusalException("too many callbacks wait for the broker"));
        } else {
            waiting.add(entry);
            // Stopped since the check, and drained before the add: nobody else will answer it.
            if (stopping && waiting.remove(entry)) {
                entry.queued().completeExceptionally(refusalWhileStopping());
            }
        }
        return entry.queued();
    }

    private void write() {
        Writer writer = new Writer();
        try {
            while (!stopping) {
                var group = nextGroup();
                if (!group.isEmpty()) {
                    writer.commit(group);
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } finally {
            writer.close();
        }
    }

    private List<Waiting> nextGroup() throws InterruptedException {
        var group = new ArrayList<Waiting>();
        Waiting first = waiting.poll(1, TimeUnit.SECONDS);
        if (first != null) {
            group.add(first);
            waiting.drainTo(group, settings.largestGroup - 1);
            group.forEach(entry -> budget.release(entry.callback().rawBody().length));
        }
        return group;
    }

    private static BrokerRefusalException refusalWhileStopping() {
        return new BrokerRefusalException("the application is stopping");
    }

    private static void fail(List<Waiting> group, BrokerRefusalException refusal) {
        group.forEach(entry -> settle(entry, refusal));
    }

    /**
     * Completes the caller's stage, which answers its request on this thread: in the log context of
     * that request and callback, so that a 503's lines and body name them.
     */
    private static void settle(Waiting entry, BrokerRefusalException refusal) {
        entry.callback().enterLogContext();
        RequestIds.enterLogContext(entry.requestId());
        try {
            if (refusal == null) {
                entry.queued().complete(null);
            } else {
                entry.queued().completeExceptionally(refusal);
            }
        } finally {
            RequestIds.clearLogContext();
        }
    }

    /** One writer's session, opened when first needed and again after a failure. */
    private final class Writer {
        private Connection connection;
        private Session session;
        private MessageProducer producer;

        void commit(List<Waiting> group) {
            try {
                open();
                for (var entry : group) {
                    var message = session.createBytesMessage();
                    entry.callback().writeTo(message, entry.requestId());
                    producer.send(message);
                }
                session.commit();
            } catch (JMSException | JMSRuntimeException refused) {
                LOG.log(Level.FINE, "The broker refused a group of callbacks", refused);
                close();
                fail(group, new BrokerRefusalException(refused));
                return;
            }
            group.forEach(entry -> settle(entry, null));
        }

        private void open() throws JMSException {
            if (session == null) {
                connection = inVm.createConnection();
                session = connection.createSession(true, Session.SESSION_TRANSACTED);
                producer = session.createProducer(callbacks);
            }
        }

        void close() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (JMSException e) {
                    LOG.log(Level.FINE, "Closing a writer's connection failed", e);
                }
            }
            connection = null;
            session = null;
            producer = null;
        }
    }
}
