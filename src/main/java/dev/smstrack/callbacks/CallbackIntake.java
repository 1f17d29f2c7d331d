package dev.smstrack.callbacks;

import dev.smstrack.callbacks.authentication.VerifiedNonce;
import dev.smstrack.operations.Meters;
import dev.smstrack.platform.TemporarilyUnavailableException;
import dev.smstrack.platform.web.RequestIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

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
    GroupedQueueWriters queue;

    @Inject
    BrokerRefusals refusals;

    @Inject
    Meters meters;

    @Inject
    IntakeActivity activity;

    /**
     * Queues the callback; the stage completes, once it is on the broker's disk, with why it cannot
     * be read, if it cannot, or fails with {@link TemporarilyUnavailableException}.
     */
    public CompletionStage<Optional<String>> accept(byte[] rawBody, VerifiedNonce nonce) {
        var admitted = AdmittedCallback.of(rawBody, nonce, Instant.now());
        String type = admitted.callback().type();
        // Until the request ends (RequestIds): its lines name the callback.
        admitted.callback().enterLogContext();
        return queue.enqueue(admitted.callback(), RequestIds.currentIfAny()).handle((queued, failure) -> {
            if (failure != null) {
                refusals.record();
                meters.callbackAnswered(type, Meters.Answer.UNAVAILABLE);
                throw new TemporarilyUnavailableException("the message broker did not accept the callback", failure);
            }
            activity.accepted();
            meters.callbackAnswered(
                    type, admitted.problem() == null ? Meters.Answer.ACCEPTED : Meters.Answer.MALFORMED);
            return Optional.ofNullable(admitted.problem());
        });
    }
}
