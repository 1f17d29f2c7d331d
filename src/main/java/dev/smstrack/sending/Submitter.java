package dev.smstrack.sending;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One attempt to submit a request to Sinch, in three steps: claim it (a short transaction), call
 * Sinch with no transaction open and no row locked, record what Sinch's answer means (another short
 * transaction). Sinch's 201 makes it SUBMITTED, a 400 or 403 REJECTED with Sinch's code; a 429, a 5xx
 * or no answer schedules another attempt, until the attempts or the time run out (FAILED_TO_SUBMIT).
 * Before any attempt that follows one which may have reached Sinch (a later attempt, a redelivery, or
 * an attempt started before on a node that died), the batches carrying our client reference are
 * looked up, so that a request never becomes two batches.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Submitter {

    @Inject
    SubmissionSteps steps;

    @Inject
    SinchClient sinch;

    /**
     * @param delivery the queue's id of this attempt's message, the same when it is delivered again
     * @param redelivered the broker delivers it again: an earlier try may have reached Sinch
     */
    public void attempt(String submissionId, int attempt, String delivery, boolean redelivered) {
        Optional<SubmissionSteps.Claim> claimed = steps.claim(submissionId, attempt, delivery, redelivered);
        if (claimed.isEmpty()) {
            return;
        }
        var claim = claimed.get();
        steps.record(claim, outcomeOf(claim));
    }

    /** Sinch's calls for the claim, and what they come to. */
    SubmissionOutcome outcomeOf(SubmissionSteps.Claim claim) {
        try {
            if (claim.mayHaveReachedSinch()) {
                List<String> existing = sinch.batchIdsWithClientReference(claim.submissionId());
                if (!existing.isEmpty()) {
                    return new SubmissionOutcome.Submitted(existing.get(0));
                }
            }
            // Late (a redelivery, a request resumed on any node): looked up, never sent past the budget.
            if (claim.pastBudget()) {
                return claim.givenUp();
            }
            // The lookup (or a wait for a token) took so long that the lease may run out mid-create.
            if (!claim.mayStillCreate(Instant.now())) {
                return new SubmissionOutcome.RetryLater(
                        Optional.empty(), "the attempt ran out of time before it could send");
            }
            return SubmissionOutcome.of(sinch.createBatch(claim.batch()));
        } catch (SinchUnreachableException e) {
            return claim.pastBudget()
                    ? claim.givenUp()
                    : new SubmissionOutcome.RetryLater(Optional.empty(), e.getMessage());
        }
    }
}
