package dev.smstrack.callbacks;

import dev.smstrack.callbacks.authentication.VerifiedNonce;
import dev.smstrack.operations.Meters;
import dev.smstrack.platform.TemporarilyUnavailableException;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * Accepts an authentic callback: checks that it can be read and stored (every field the consumer
 * needs, within what its columns hold), then queues it durably, readable or not, so that nothing
 * Sinch sent is lost and nothing queued fails in the consumer for what it holds. The queue is the
 * buffer: while the database is down callbacks are still accepted, up to the queue's budget. Refuses
 * for now, so that Sinch retries, when the broker does not take the message (the budget is spent, or
 * the broker cannot write).
 */
@ApplicationScoped
public class CallbackIntake {

    @Inject
    CallbackQueue queue;

    @Inject
    BrokerRefusals refusals;

    @Inject
    Meters meters;

    /** Queues the callback; returns why it cannot be read, if it cannot. */
    public Optional<String> accept(byte[] rawBody, VerifiedNonce nonce) {
        var admitted = AdmittedCallback.of(rawBody, nonce, Instant.now());
        String type = admitted.callback().type();
        // Until the request ends (RequestIds): its lines, a 503 included, name the callback.
        admitted.callback().enterLogContext();
        try {
            queue.enqueueDurably(admitted.callback());
        } catch (BrokerRefusalException | EJBException e) {
            refusals.record();
            meters.callbackAnswered(type, Meters.Answer.UNAVAILABLE);
            throw new TemporarilyUnavailableException("the message broker did not accept the callback", e);
        }
        meters.callbackAnswered(type, admitted.problem() == null ? Meters.Answer.ACCEPTED : Meters.Answer.MALFORMED);
        return Optional.ofNullable(admitted.problem());
    }
}
