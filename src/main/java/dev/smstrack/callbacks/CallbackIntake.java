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
 * Accepts an authentic callback: checks that it can be read, then queues it durably, readable or
 * not, so that nothing Sinch sent is lost. Refuses for now, so that Sinch retries, whenever it
 * cannot be stored: the broker refuses the message or the database is known to be down.
 */
@ApplicationScoped
public class CallbackIntake {

    @Inject
    CallbackQueue queue;

    @Inject
    DatabaseAvailability database;

    /** Queues the callback; returns why it cannot be read, if it cannot. */
    public Optional<String> accept(byte[] rawBody, String verifiedNonce) {
        if (!database.isAvailable()) {
            throw new TemporarilyUnavailableException("the database is unavailable");
        }
        String problem = null;
        String orderingKey = null;
        try {
            orderingKey = CallbackParser.parse(rawBody).orderingKey();
        } catch (MalformedCallbackException e) {
            problem = e.getMessage();
        }
        try {
            queue.enqueueDurably(new QueuedCallback(rawBody, verifiedNonce, Instant.now(), problem), orderingKey);
        } catch (EJBException | JMSRuntimeException e) {
            throw new TemporarilyUnavailableException("the message broker did not accept the callback", e);
        }
        return Optional.ofNullable(problem);
    }
}
