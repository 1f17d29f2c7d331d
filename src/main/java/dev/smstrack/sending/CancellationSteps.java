package dev.smstrack.sending;

import dev.smstrack.messages.Message;
import dev.smstrack.messages.Messages;
import dev.smstrack.messages.StatusLifecycle;
import dev.smstrack.sending.api.NotPossibleNowException;
import dev.smstrack.sending.api.UnknownIdException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The database side of cancelling a send request, each step a short transaction of its own: Sinch
 * is called between them, never inside one.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CancellationSteps {

    /** How close to its time a scheduled send may still be cancelled: clocks differ. */
    static final Duration CLOSEST = Duration.ofMinutes(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    Messages messages;

    /**
     * Decides what cancelling takes: nothing more (already cancelled, or not yet tried, which is
     * cancelled here), or Sinch's cancel of the batch it holds, whose id is returned. Waits for an
     * attempt in progress (it holds the request's row).
     */
    public Optional<String> batchToCancel(String requestId, String caller, boolean anyCaller, Instant now) {
        Submission submission = em.find(Submission.class, requestId, LockModeType.PESSIMISTIC_WRITE);
        if (submission == null || !(anyCaller || caller.equals(submission.requestedBy()))) {
            throw new UnknownIdException("send request", requestId);
        }
        if (submission.isCancelled()) {
            return Optional.empty();
        }
        if (submission.isPending()) {
            if (submission.attempts() > 0) {
                // An attempt may have reached Sinch; once it is submitted, Sinch's cancel is certain.
                throw new NotPossibleNowException("send request " + requestId + " is being submitted to Sinch"
                        + " (attempt " + submission.attempts() + "); cancel it once it is SUBMITTED");
            }
            cancel(submission, now);
            return Optional.empty();
        }
        if (!Submission.SUBMITTED.equals(submission.status())) {
            throw new NotPossibleNowException(
                    "send request " + requestId + " is " + submission.status() + ": there is nothing to cancel");
        }
        if (!submission.isScheduledAfter(now.plus(CLOSEST))) {
            // Sinch says canceled even for a batch it sent: near its time, our clock cannot tell.
            throw new NotPossibleNowException("send request " + requestId + " was sent"
                    + (submission.sendAt() == null ? "" : ", or is about to be, at " + submission.sendAt())
                    + ": too late to cancel");
        }
        return Optional.of(submission.batchId());
    }

    /** Sinch cancelled the batch: the request and its messages end CANCELLED. */
    public void cancelled(String requestId, Instant now) {
        Submission submission = em.find(Submission.class, requestId, LockModeType.PESSIMISTIC_WRITE);
        if (!submission.isCancelled()) {
            cancel(submission, now);
        }
    }

    private void cancel(Submission submission, Instant now) {
        submission.cancelled();
        for (Message message : messages.lockedWithClientReference(submission.id())) {
            message.report(StatusLifecycle.CANCELLED, null, now);
        }
    }
}
