package dev.smstrack.sending;

import dev.smstrack.callbacks.CallbackQueue;
import dev.smstrack.callbacks.QueuedCallback;
import dev.smstrack.messages.DueCheck;
import dev.smstrack.messages.Message;
import dev.smstrack.messages.Messages;
import dev.smstrack.messages.StatusLifecycle;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The database side of reconciliation, each step a short transaction of its own: no call to Sinch
 * happens inside one, and no lock is held across one.
 */
@Stateless
@PermitAll
public class ReconciliationSteps {

    /** However often a message was looked up, the next check comes no later than this. */
    static final Duration LONGEST_WAIT = Duration.ofHours(6);

    @Inject
    Messages messages;

    @Inject
    Submissions submissions;

    @Inject
    SubmissionQueue submissionQueue;

    @Inject
    CallbackQueue callbacks;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<DueCheck> due(Instant now, int limit) {
        return messages.dueForCheck(now, limit);
    }

    /** No report came in time: the message is TIMED_OUT (a real final report still replaces it). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void giveUp(DueCheck due, Instant now) {
        messages.lock(due.id()).report(StatusLifecycle.TIMED_OUT, null, now);
    }

    /**
     * Records a lookup: Sinch's report, if it gave one, goes to the callback queue (applied and
     * deduplicated like any callback), and the next check moves out, twice as far as the last.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void looked(DueCheck due, byte[] report, Instant now, Duration firstWait) {
        if (report != null) {
            callbacks.enqueue(QueuedCallback.unsigned(report, now, "recipient_delivery_report_sms", due.batchId()));
        }
        Message message = messages.lock(due.id());
        message.checked(now, waitAfter(firstWait, message.checks()));
    }

    /** Requests still PENDING long after their attempts should have ended: their queue entry was lost. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void resumeStalledSubmissions(Instant stalledBefore, int limit) {
        for (Submission stalled : submissions.stalled(stalledBefore, limit)) {
            submissionQueue.resume(stalled.id(), stalled.attempts() + 1);
        }
    }

    /** The first wait, doubled for each check made, at most {@link #LONGEST_WAIT}. */
    static Duration waitAfter(Duration first, int checksMade) {
        Duration wait = first.multipliedBy(1L << Math.min(checksMade, 20));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
