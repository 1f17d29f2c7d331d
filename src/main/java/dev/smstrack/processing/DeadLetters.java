package dev.smstrack.processing;

import dev.smstrack.callbacks.CallbackQueue;
import dev.smstrack.callbacks.QueuedCallback;
import dev.smstrack.platform.Texts;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Callbacks the consumer gave up on. Operators list them and, once the cause is fixed, replay them:
 * taking one off the dead-letter queue and putting it back on the processing queue is one
 * transaction, so a replay neither loses nor doubles it.
 */
@Stateless
@PermitAll
public class DeadLetters {

    private static final long RECEIVE_TIMEOUT_MILLIS = 2000;
    private static final ObjectName DEAD_LETTER_QUEUE_MODEL =
            objectName("jboss.as:subsystem=messaging-activemq,server=default,jms-queue=SmsTrackerCallbacksDLQ");
    private static final String PROCESSING_QUEUE_NAME = "SmsTrackerCallbacks";
    private static final int PREVIEW_CHARACTERS = 300;

    @Inject
    JMSContext jms;

    @Inject
    CallbackQueue queue;

    @Resource(lookup = CallbackQueue.DEAD_LETTER_QUEUE)
    Queue deadLetters;

    @Inject
    CallbackFailures failures;

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
     * Drops, in the caller's transaction, every dead letter whose raw body holds this text, and why it
     * failed; returns how many.
     */
    public int dropContaining(String text) {
        List<String> holding = new ArrayList<>();
        List<String> callbackIds = new ArrayList<>();
        try (var browser = jms.createBrowser(deadLetters)) {
            var messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                Message message = (Message) messages.nextElement();
                if (new String(message.getBody(byte[].class), StandardCharsets.UTF_8).contains(text)) {
                    holding.add(message.getJMSMessageID());
                    callbackIds.add(QueuedCallback.of(message).id());
                }
            }
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot browse the dead-letter queue", e);
        }
        failures.forget(callbackIds);
        int dropped = 0;
        for (String id : holding) {
            if (take(id) != null) {
                dropped++;
            }
        }
        return dropped;
    }

    /** Takes the dead letter with this id off the queue, in the caller's transaction; null if there is none. */
    private Message take(String id) {
        try (var consumer = jms.createConsumer(deadLetters, "JMSMessageID = '" + id + "'")) {
            return consumer.receive(RECEIVE_TIMEOUT_MILLIS);
        }
    }

    /**
     * Moves every dead letter, or those of one callback type, back onto the processing queue in one
     * operation of the broker (the queue's move-messages, through WildFly's management model over
     * JMX): each message is moved atomically, with its properties and JMS group. Returns how many.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int retryAll(String type) {
        String filter = type == null ? null : CallbackQueue.TYPE + " = '" + type + "'";
        try {
            Object moved = ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            DEAD_LETTER_QUEUE_MODEL,
                            "moveMessages",
                            new Object[] {filter, PROCESSING_QUEUE_NAME, Boolean.FALSE},
                            new String[] {String.class.getName(), String.class.getName(), Boolean.class.getName()});
            return ((Number) moved).intValue();
        } catch (JMException e) {
            throw new IllegalStateException("The broker did not move the dead letters", e);
        }
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

    private static ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }
}
