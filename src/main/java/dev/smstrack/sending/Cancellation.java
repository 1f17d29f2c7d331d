package dev.smstrack.sending;

import dev.smstrack.operations.Meters;
import dev.smstrack.sending.api.NotPossibleNowException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Cancels a send request: locally while no attempt was made, at Sinch while Sinch holds its batch
 * (scheduled). Sinch is called with no transaction open and no row locked; its 200 ends the batch
 * with no report to follow, so the messages' CANCELLED comes from that answer.
 */
@ApplicationScoped
public class Cancellation {

    @Inject
    CancellationSteps steps;

    @Inject
    SinchClient sinch;

    @Inject
    Meters meters;

    /** Runs with no transaction: the steps have their own. */
    void cancel(String requestId, String caller, boolean anyCaller) {
        Instant now = Instant.now();
        var batch = steps.batchToCancel(requestId, caller, anyCaller, now);
        if (batch.isPresent()) {
            SinchAnswer answer = SinchClient.awaited("cancel the batch", () -> sinch.cancelBatch(batch.get()));
            if (!answer.isSuccess() || !answer.body().getBoolean("canceled", false)) {
                throw new NotPossibleNowException(
                        "Sinch did not cancel batch " + batch.get() + " (" + answer.problem() + ")");
            }
            steps.cancelled(requestId, now);
        }
        meters.sendChanged("cancelled");
    }
}
