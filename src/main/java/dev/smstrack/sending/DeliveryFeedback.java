package dev.smstrack.sending;

import dev.smstrack.operations.Meters;
import dev.smstrack.sending.api.NotPossibleNowException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Tells Sinch that a message reached its recipient (a conversion): Sinch's delivery feedback for the
 * message's batch and recipient, called with no transaction open.
 */
@ApplicationScoped
public class DeliveryFeedback {

    @Inject
    FeedbackSteps steps;

    @Inject
    SinchClient sinch;

    @Inject
    Meters meters;

    Instant give(String messageId, String caller) {
        var target = steps.targetOf(messageId, caller);
        SinchAnswer answer = SinchClient.awaited(
                "take the feedback", () -> sinch.deliveryFeedback(target.batchId(), List.of(target.recipient())));
        if (!answer.isSuccess()) {
            throw new NotPossibleNowException("Sinch did not take the feedback (" + answer.problem() + ")");
        }
        // As the database keeps it, so that the answer and a later read agree.
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        steps.given(messageId, at);
        meters.sendChanged("feedback");
        return at;
    }
}
