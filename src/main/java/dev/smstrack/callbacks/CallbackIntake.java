package dev.smstrack.callbacks;

import dev.smstrack.platform.DatabaseAvailability;
import dev.smstrack.platform.TemporarilyUnavailableException;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSRuntimeException;
import java.time.Instant;
import java.util.Optional;

/**
 * Accepts an authentic callback: checks that it can be read and stored (every field the consumer
 * needs, within what its columns hold), then queues it durably, readable or not, so that nothing
 * Sinch sent is lost and nothing queued fails in the consumer for what it holds. Refuses for now,
 * so that Sinch retries, whenever it cannot be stored: the broker refuses the message or the
 * database is known to be down.
 */
@ApplicationScoped
public class CallbackIntake {

    @Inject
    CallbackQueue queue;

    @Inject
    DatabaseAvailability database;

    /** Queues the callback; returns why it cannot be read, if it cannot. */
    public Optional<String> accept(byte[] rawBody, VerifiedNonce nonce) {
        if (!database.isAvailable()) {
            throw new TemporarilyUnavailableException("the database is unavailable");
        }
        var admitted = AdmittedCallback.of(rawBody, nonce, Instant.now());
        try {
            queue.enqueueDurably(admitted.callback(), admitted.orderingKey());
        } catch (EJBException | JMSRuntimeException e) {
            throw new TemporarilyUnavailableException("the message broker did not accept the callback", e);
        }
        return Optional.ofNullable(admitted.problem());
    }
}
