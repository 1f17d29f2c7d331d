package dev.smstrack.processing;

import dev.smstrack.callbacks.CallbackQueue;
import dev.smstrack.callbacks.QueuedCallback;
import dev.smstrack.operations.Meters;
import dev.smstrack.platform.messaging.QueueLists;
import dev.smstrack.platform.persistence.DatabaseAvailability;
import dev.smstrack.platform.persistence.DatabaseProbe;
import dev.smstrack.platform.persistence.ListCommit;
import dev.smstrack.platform.web.RequestIds;
import dev.smstrack.privacy.ErasedNumbers;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Takes callbacks off the queue, a list at a time ({@link QueueLists}): behind the callback the
 * broker hands this session, the callbacks waiting after it (up to {@value #MOST_PER_LIST}) in a
 * local JMS transaction of its own; it applies them all in one database transaction, and only then commits the
 * JMS transaction and returns (which acknowledges the first): one database commit and one broker
 * commit for the whole list, and no two-phase commit between them. A crash in between redelivers
 * callbacks already stored, which the idempotent {@link Callbacks} then skips.
 *
 * <p>While the database is unreachable the session waits, holding its list, and goes on when it is
 * back: an outage costs no delivery attempt. A list that fails otherwise is tried once more, then
 * applied one callback at a time ({@link ListCommit}); if one fails alone, the others stay stored and the JMS transaction rolls back, so that the
 * broker redelivers it after a delay (the others, redelivered with it, change nothing) and, after
 * the configured number of attempts, moves it to the dead-letter queue.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = CallbackQueue.QUEUE),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = CallbackConsumer.SESSIONS),
            // Nothing buffered ahead: the waiting callbacks stay on the queue for the lists.
            @ActivationConfigProperty(propertyName = "consumerWindowSize", propertyValue = "0")
        })
@TransactionManagement(TransactionManagementType.BEAN)
public class CallbackConsumer implements MessageListener {

    public static final int MOST_PER_LIST = 200;

    /** How many lists this node's consumer may apply at once, while the intake is quiet. */
    public static final String SESSIONS = "8";

    /** Buffers nothing ahead (consumer window 0), so that an idle bean holds no callback back. */
    public static final String LIST_CONNECTION_FACTORY = "java:/jms/SmsTrackerCallbackLists";

    @Inject
    Callbacks callbacks;

    @Inject
    ErasedNumbers erasedNumbers;

    @Inject
    CallbackFailures failures;

    @Inject
    DatabaseAvailability database;

    @Inject
    DatabaseProbe probe;

    @Inject
    Meters meters;

    @Inject
    ConsumerLanes lanes;

    @Resource(lookup = LIST_CONNECTION_FACTORY)
    ConnectionFactory listConnections;

    @Resource(lookup = CallbackQueue.QUEUE)
    Queue queue;

    private static final Logger LOG = Logger.getLogger(CallbackConsumer.class);

    private QueueLists lists;

    @Override
    public void onMessage(Message first) {
        boolean committed = false;
        try (var lane = lanes.take()) {
            // What is logged about this list carries the request id of its first callback.
            RequestIds.enterLogContext(first.getStringProperty(CallbackQueue.REQUEST_ID));
            List<QueuedCallback> taken = QueueLists.read(lists.take(first), QueuedCallback::of);
            // What is logged while a list commits names its first callback (a callback alone: that one).
            var failed = ListCommit.commit("callbacks", taken, list -> {
                list.get(0).enterLogContext();
                applyThroughOutages(list);
            });
            if (failed.isEmpty()) {
                lists.commit();
                committed = true;
                return;
            }
            keepReasons(failed);
            for (var failure : failed) {
                if (failure.item() == taken.get(0)) {
                    throw failure.cause() instanceof RuntimeException e
                            ? e
                            : new IllegalStateException(failure.cause());
                }
            }
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot read a queued callback", e);
        } finally {
            RequestIds.clearLogContext();
            if (!committed) {
                lists.rollback(); // redelivered after the delay; those already stored change nothing
            }
        }
    }

    /** Why each failed, for the operator who finds it dead-lettered; never in the way of the redelivery. */
    private void keepReasons(List<ListCommit.Failure<QueuedCallback>> failed) {
        Map<String, Throwable> causes = new LinkedHashMap<>();
        failed.forEach(failure -> causes.put(failure.item().id(), failure.cause()));
        try {
            failures.record(causes);
        } catch (RuntimeException notKept) {
            LOG.debugf(notKept, "the reasons %d callbacks failed were not kept", causes.size());
        }
    }

    /** Applies the list, waiting out database outages; throws only when it fails with the database up. */
    private void applyThroughOutages(List<QueuedCallback> taken) {
        while (true) {
            database.awaitAvailable();
            try {
                countProcessed(taken, callbacks.apply(withErasedNumbersMasked(taken)));
                return;
            } catch (RuntimeException failure) {
                if (probe.reachableNow()) {
                    throw failure;
                }
                // The database went away under it: wait for it, spending no delivery attempt.
            }
        }
    }

    /**
     * The callbacks with every number erased before they are stored replaced by its pseudonym: what
     * Sinch sends about an erased number after the erasure (or what waited on the queue meanwhile)
     * is kept without it, and still finds its message, which carries the same pseudonym.
     */
    private List<QueuedCallback> withErasedNumbersMasked(List<QueuedCallback> taken) {
        List<String> bodies = taken.stream()
                .map(callback -> new String(callback.rawBody(), StandardCharsets.UTF_8))
                .toList();
        List<String> masked = erasedNumbers.masked(bodies);
        List<QueuedCallback> kept = new ArrayList<>(taken.size());
        for (int i = 0; i < taken.size(); i++) {
            kept.add(
                    masked.get(i).equals(bodies.get(i))
                            ? taken.get(i)
                            : taken.get(i).withRawBody(masked.get(i).getBytes(StandardCharsets.UTF_8)));
        }
        return kept;
    }

    /** Counts a committed list: what each callback came to, and how long after its receipt. */
    private void countProcessed(List<QueuedCallback> taken, List<ReceivedCallback> kept) {
        var committedAt = Instant.now();
        for (QueuedCallback callback : taken) {
            meters.callbackCommitted(callback.receivedAt(), committedAt);
        }
        for (ReceivedCallback callback : kept) {
            meters.callbackProcessed(callback.type(), callback.outcome().name().toLowerCase(), 1);
        }
        // The others changed nothing: a nonce used before (a replay), or a callback already stored.
        meters.callbackProcessed(null, "replay_or_duplicate", taken.size() - kept.size());
    }

    @PostConstruct
    void open() {
        lists = new QueueLists(listConnections, queue, MOST_PER_LIST);
    }

    @PreDestroy
    void close() {
        lists.close();
    }
}
