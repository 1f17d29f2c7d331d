package dev.smstrack.sending;

import dev.smstrack.messages.Message;
import dev.smstrack.messages.Messages;
import dev.smstrack.messages.StatusLifecycle;
import dev.smstrack.operations.Meters;
import dev.smstrack.platform.PhoneNumbers;
import dev.smstrack.processing.DeliveryReports;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One attempt to submit a request to Sinch. Sinch's 201 makes it SUBMITTED, a 400 or 403 REJECTED
 * with Sinch's code; a 429, a 5xx or no answer schedules another attempt, until the attempts or the
 * time run out (FAILED_TO_SUBMIT). Before any attempt that follows one which may have reached
 * Sinch (a later attempt, a redelivery, or an attempt started before on a node that died), the
 * batches carrying our client reference are looked up, so that a request never becomes two batches.
 */
@Stateless
@PermitAll
public class Submitter {

    private static final Logger LOG = Logger.getLogger(Submitter.class.getName());

    /** How late a scheduled attempt may still run: the broker's delivery is not to the millisecond. */
    private static final Duration LATE = Duration.ofMinutes(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    Meters meters;

    @Inject
    SinchClient sinch;

    @Inject
    SinchSettings settings;

    @Inject
    SubmissionQueue queue;

    @Inject
    Submissions submissions;

    @Inject
    Messages messages;

    @Inject
    DeliveryReports deliveryReports;

    @Inject
    @ConfigProperty(name = "sinch.send.max.attempts", defaultValue = "6")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "sinch.send.max.seconds", defaultValue = "120")
    long maxSeconds;

    @Inject
    @ConfigProperty(name = "sinch.send.backoff.millis", defaultValue = "1000")
    long backoffMillis;

    @Inject
    @ConfigProperty(name = "sinch.reconcile.after.seconds", defaultValue = "600")
    long reconcileAfterSeconds;

    public void attempt(String submissionId, int attempt, boolean redelivered) {
        boolean startedBefore = !submissions.startAttempt(submissionId, attempt);
        Submission submission = em.find(Submission.class, submissionId, LockModeType.PESSIMISTIC_WRITE);
        if (submission == null || !submission.isPending()) {
            return;
        }
        // A late redelivery, or a stalled submission resumed on any node: never sent past the budget,
        // but first looked up if an earlier attempt may have reached Sinch (a node that died mid-call).
        boolean pastBudget = attempt > maxAttempts
                || Instant.now().isAfter(submission.createdAt().plus(budget()));
        if (!pastBudget) {
            submission.attempted(attempt, null);
        }
        try {
            if (attempt > 1 || redelivered || startedBefore) {
                List<String> existing = sinch.batchIdsWithClientReference(submission.id());
                if (!existing.isEmpty()) {
                    submitted(submission, existing.get(0));
                    return;
                }
            }
            if (pastBudget) {
                giveUp(submission, attempt);
                return;
            }
            SubmissionOutcome.of(sinch.createBatch(batch(submission))).recordWith(recording(submission, attempt));
        } catch (SinchUnreachableException e) {
            if (pastBudget) {
                giveUp(submission, attempt);
            } else {
                retryLater(submission, attempt, Optional.empty(), e.getMessage());
            }
        }
    }

    private void giveUp(Submission submission, int attempt) {
        submission.failed("gave up after " + (attempt - 1) + " attempts and " + maxSeconds + " s");
        finish(submission, StatusLifecycle.FAILED_TO_SUBMIT);
    }

    /**
     * The messages are read only now, locked: a report that arrived during the call to Sinch may
     * have moved them on, and must not be overwritten.
     */
    private void submitted(Submission submission, String batchId) {
        Instant now = Instant.now();
        // Scheduled: SCHEDULED until Sinch sends it, and looked up only after that.
        boolean scheduled = submission.isScheduledAfter(now);
        Instant sent = scheduled ? submission.sendAt() : now;
        submission.submitted(batchId);
        List<Message> locked = messages.lockedWithClientReference(submission.id());
        for (Message message : locked) {
            message.submitted(batchId, now, scheduled);
            message.checkAt(sent.plusSeconds(reconcileAfterSeconds));
        }
        deliveryReports.applyParkedTo(locked);
    }

    private void retryLater(Submission submission, int attempt, Optional<Duration> retryAfter, String reason) {
        var policy = new RetryPolicy(maxAttempts, budget(), Duration.ofMillis(backoffMillis), Duration.ofSeconds(30));
        Optional<Duration> delay = policy.delayAfter(attempt, submission.createdAt(), Instant.now(), retryAfter);
        if (delay.isPresent()) {
            submission.attempted(attempt, reason);
            queue.schedule(submission.id(), attempt + 1, delay.get());
            meters.submissionRetried();
            LOG.info(() -> "Submission " + submission.id() + " attempt " + attempt + " failed ("
                    + PhoneNumbers.maskedIn(reason) + "); retrying in "
                    + delay.get().toMillis() + " ms");
        } else {
            submission.failed(reason + "; gave up after " + attempt + " attempts");
            finish(submission, StatusLifecycle.FAILED_TO_SUBMIT);
        }
    }

    private Duration budget() {
        return Duration.ofSeconds(maxSeconds);
    }

    private void finish(Submission submission, String status) {
        Instant now = Instant.now();
        messages.lockedWithClientReference(submission.id()).forEach(message -> message.report(status, null, now));
    }

    private BatchRequest batch(Submission submission) {
        return new BatchRequest(
                messages.recipientsWithClientReference(submission.id()),
                submission.sender(),
                submission.body(),
                submission.deliveryReport(),
                submission.id(),
                settings.callbackUrl(),
                submission.options());
    }

    /** What each of Sinch's answers does to the request and its messages. */
    private SubmissionOutcome.Recording recording(Submission submission, int attempt) {
        return new SubmissionOutcome.Recording() {
            @Override
            public void submitted(String batchId) {
                Submitter.this.submitted(submission, batchId);
            }

            @Override
            public void rejected(String code, String text) {
                submission.rejected(code, text);
                finish(submission, StatusLifecycle.REJECTED);
            }

            @Override
            public void retryLater(Optional<Duration> retryAfter, String reason) {
                Submitter.this.retryLater(submission, attempt, retryAfter, reason);
            }

            @Override
            public void failed(String reason) {
                submission.failed(reason);
                finish(submission, StatusLifecycle.FAILED_TO_SUBMIT);
            }
        };
    }
}
