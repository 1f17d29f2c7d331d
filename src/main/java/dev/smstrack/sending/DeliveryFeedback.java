package dev.smstrack.sending;

import dev.smstrack.operations.Meters;
import dev.smstrack.sending.api.NotPossibleNowException;
import dev.smstrack.sending.api.SendingUnavailableException;
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
        SinchAnswer answer;
        try {
            answer = sinch.deliveryFeedback(target.batchId(), List.of(target.recipient()));
        } catch (SinchUnreachableException e) {
            throw new SendingUnavailableException("Sinch cannot be reached to take the feedback; try again");
        }
        if (answer.isTransient()) {
            throw new SendingUnavailableException("Sinch cannot take the feedback now (" + answer.problem() + ")");
        }
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
