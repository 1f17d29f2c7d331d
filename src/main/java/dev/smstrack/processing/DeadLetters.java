package dev.smstrack.processing;

import dev.smstrack.callbacks.CallbackQueue;
import dev.smstrack.callbacks.QueuedCallback;
import dev.smstrack.platform.Texts;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Callbacks the consumer gave up on. Operators list them and, once the cause is fixed, replay them:
 * taking one off the dead-letter queue and putting it back on the processing queue is one
 * transaction, so a replay neither loses nor doubles it.
 */
@Stateless
@PermitAll
public class DeadLetters {

    private static final long RECEIVE_TIMEOUT_MILLIS = 2000;
    private static final int PREVIEW_CHARACTERS = 300;

    @Inject
    JMSContext jms;

    @Inject
    CallbackQueue queue;

    @Resource(lookup = CallbackQueue.DEAD_LETTER_QUEUE)
    Queue deadLetters;

    @Inject
    CallbackFailures failures;

    @Resource
    SessionContext context;

    /** A dead letter as operators see it, with why its last attempt failed when that is known. */
    public record DeadLetter(
            String id, String callbackId, Instant receivedAt, int deliveryAttempts, String reason, String preview) {}

    public List<DeadLetter> list(int limit) {
        List<DeadLetter> found = new ArrayList<>();
        try (var browser = jms.createBrowser(deadLetters)) {
            var messages = browser.getEnumeration();
            while (messages.hasMoreElements() && found.size() < limit) {
                found.add(describe((Message) messages.nextElement()));
            }
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot browse the dead-letter queue", e);
        }
        var reasons = failures.reasonsOf(found.stream()
                .map(DeadLetter::callbackId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        return found.stream()
                .map(letter -> new DeadLetter(
                        letter.id(),
                        letter.callbackId(),
                        letter.receivedAt(),
                        letter.deliveryAttempts(),
                        reasons.get(letter.callbackId()),
                        letter.preview()))
                .toList();
    }

    /** Moves the dead letter back to the processing queue; empty if there is no such dead letter. */
    public Optional<String> replay(String id) {
        if (!id.matches("ID:[0-9A-Za-z-]+")) {
            return Optional.empty();
        }
        try {
            Message message = take(id);
            if (message == null) {
                return Optional.empty();
            }
            queue.requeue(message);
            return Optional.of(id);
        } catch (JMSException e) {
            // A system exception: the receive rolls back with the send, the dead letter stays.
            throw new IllegalStateException("Cannot replay dead letter " + id, e);
        }
    }

    /**
     * Rewrites, in the caller's transaction, every dead letter whose raw body holds {@code text}: each
     * is taken off the queue and put back with the body {@code rewrite} makes of it (with its id,
     * times and type, so that it keeps its place among the dead letters and why it failed). Returns
     * how many changed.
     */
    public int rewriteHolding(String text, UnaryOperator<String> rewrite) {
        List<String> holding = idsOf(message -> {
            String body = new String(message.getBody(byte[].class), StandardCharsets.UTF_8);
            return body.contains(text) && !rewrite.apply(body).equals(body);
        });
        int rewritten = 0;
        for (String id : holding) {
            try {
                Message message = take(id);
                if (message != null) {
                    var callback = QueuedCallback.of(message);
                    String body = new String(callback.rawBody(), StandardCharsets.UTF_8);
                    queue.enqueue(
                            callback.withRawBody(rewrite.apply(body).getBytes(StandardCharsets.UTF_8)), deadLetters);
                    rewritten++;
                }
            } catch (JMSException e) {
                throw new IllegalStateException("Cannot rewrite dead letter " + id, e);
            }
        }
        return rewritten;
    }

    /** A test of a dead letter, which may read it. */
    private interface Wanted {
        boolean test(Message message) throws JMSException;
    }

    /** The ids of the dead letters that pass the test, browsed: nothing is taken. */
    private List<String> idsOf(Wanted wanted) {
        List<String> ids = new ArrayList<>();
        try (var browser = jms.createBrowser(deadLetters)) {
            var messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                Message message = (Message) messages.nextElement();
                if (wanted.test(message)) {
                    ids.add(message.getJMSMessageID());
                }
            }
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot browse the dead-letter queue", e);
        }
        return ids;
    }

    /** Takes the dead letter with this id off the queue, in the caller's transaction; null if there is none. */
    private Message take(String id) {
        try (var consumer = jms.createConsumer(deadLetters, "JMSMessageID = '" + id + "'")) {
            return consumer.receive(RECEIVE_TIMEOUT_MILLIS);
        }
    }

    /**
     * Moves every dead letter, or those of one callback type, back onto the processing queue: found
     * by browsing, then each taken off the dead-letter queue and queued again by {@link #replay}, in a
     * transaction of its own, so that none is lost or doubled if it fails half-way. Plain JMS, not the
     * broker's management operation: the management model answers only management roles, and the
     * caller is an application user. Returns how many.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int retryAll(String type) {
        List<String> ids = idsOf(message -> type == null || type.equals(message.getStringProperty(CallbackQueue.TYPE)));
        // Each in a transaction of its own, through this bean's own view (as replay is called over HTTP).
        DeadLetters self = context.getBusinessObject(DeadLetters.class);
        int moved = 0;
        for (String id : ids) {
            if (self.replay(id).isPresent()) {
                moved++;
            }
        }
        return moved;
    }

    private static DeadLetter describe(Message message) throws JMSException {
        QueuedCallback callback = QueuedCallback.of(message);
        String body = new String(callback.rawBody(), StandardCharsets.UTF_8);
        return new DeadLetter(
                message.getJMSMessageID(),
                callback.id(),
                callback.receivedAt(),
                message.getIntProperty("JMSXDeliveryCount"),
                null,
                Texts.cut(body, PREVIEW_CHARACTERS));
    }
}
