package dev.smstrack.processing;

import dev.smstrack.callbacks.CallbackQueue;
import dev.smstrack.callbacks.QueuedCallback;
import dev.smstrack.platform.Texts;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    /** A dead letter as operators see it. */
    public record DeadLetter(String id, Instant receivedAt, int deliveryAttempts, String preview) {}

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
        return found;
    }

    /** Moves the dead letter back to the processing queue; empty if there is no such dead letter. */
    public Optional<String> replay(String id) {
        if (!id.matches("ID:[0-9A-Za-z-]+")) {
            return Optional.empty();
        }
        try (var consumer = jms.createConsumer(deadLetters, "JMSMessageID = '" + id + "'")) {
            Message message = consumer.receive(RECEIVE_TIMEOUT_MILLIS);
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

    private static DeadLetter describe(Message message) throws JMSException {
        QueuedCallback callback = QueuedCallback.of(message);
        String body = new String(callback.rawBody(), StandardCharsets.UTF_8);
        return new DeadLetter(
                message.getJMSMessageID(),
                callback.receivedAt(),
                message.getIntProperty("JMSXDeliveryCount"),
                Texts.cut(body, PREVIEW_CHARACTERS));
    }
}
