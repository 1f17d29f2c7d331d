package dev.smstrack.sending;

import dev.smstrack.messages.Message;
import dev.smstrack.messages.Messages;
import dev.smstrack.messages.StatusLifecycle;
import dev.smstrack.operations.Meters;
import dev.smstrack.platform.PhoneNumbers;
import dev.smstrack.processing.DeliveryReports;
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
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The database side of an attempt to submit a request, each step a short transaction of its own
 * that holds the request's row only while it runs: {@link #claim} before Sinch is called, {@link
 * #record} after. While an attempt is claimed, no other delivery of the queue may claim it (a lease
 * longer than the longest attempt), so that two nodes never call Sinch for one request at once.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SubmissionSteps {

    private static final Logger LOG = Logger.getLogger(SubmissionSteps.class.getName());

    /**
     * The most calls one attempt makes: a token, a lookup and a create, and a 401 renewing the token
     * and repeating each; each may take the connect and the read timeout.
     */
    private static final int CALLS_PER_ATTEMPT = 7;

    /** The calls a create may still need: a token and the create, twice over a 401. */
    private static final int CALLS_TO_CREATE = 4;

    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    @PersistenceContext
    EntityManager em;

    @Inject
    Meters meters;

    @Inject
    SinchSettings settings;

    @Inject
    SubmissionQueue queue;

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

    /**
     * An attempt as claimed: what to send, whether an earlier try may have reached Sinch (so that its
     * batches are looked up first), and whether it is past the attempts or time budget (then it is
     * only looked up, never sent).
     */
    public record Claim(
            String submissionId,
            int attempt,
            String delivery,
            BatchRequest batch,
            boolean mayHaveReachedSinch,
            boolean pastBudget,
            long budgetSeconds,
            Instant createBy) {

        /**
         * True while a create can still finish before the lease runs out: after that, another
         * delivery may claim the request and look it up before a late create lands.
         */
        boolean mayStillCreate(Instant now) {
            return now.isBefore(createBy);
        }

        /** What an attempt past the budget comes to when Sinch has no batch of it. */
        SubmissionOutcome givenUp() {
            return new SubmissionOutcome.Failed(
                    "gave up after " + (attempt - 1) + " attempts and " + budgetSeconds + " s");
        }
    }

    /**
     * Claims attempt {@code attempt} for this delivery of the queue ({@code delivery}, the JMS message
     * id, the same when the broker delivers it again): empty when the request is no longer PENDING,
     * or another delivery holds it (its call may be under way; if its node died, the lease runs out
     * and reconciliation resumes the request).
     */
    public Optional<Claim> claim(String submissionId, int attempt, String delivery, boolean redelivered) {
        Submission submission = em.find(Submission.class, submissionId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        if (submission == null || !submission.isPending()) {
            return Optional.empty();
        }
        if (submission.isHeldByAnother(delivery, now)) {
            LOG.fine(() -> "Submission " + submissionId + " attempt " + attempt + " is held by another delivery");
            return Optional.empty();
        }
        // This attempt, or a later one, began before. Its own delivery again (the broker's redelivery,
        // or after a restart) still holds it: its try was cut short, and may have reached Sinch. Any
        // other was recorded and released (a retry is queued), or superseded: a duplicate to drop.
        boolean startedBefore = submission.attempts() >= attempt;
        if (startedBefore && !submission.isClaimedBy(delivery)) {
            LOG.fine(() -> "Submission " + submissionId + " attempt " + attempt + " was made already");
            return Optional.empty();
        }
        // The budget limits retries: a first attempt is always made, however late (its queue entry was
        // lost in a crash and reconciliation resumed it), or an accepted request would never be sent.
        boolean pastBudget = attempt > maxAttempts
                || (submission.attempts() > 0
                        && now.isAfter(submission.createdAt().plus(budget())));
        if (!pastBudget) {
            submission.attempted(Math.max(attempt, submission.attempts()), null);
        }
        Instant leaseUntil = now.plus(timeout().multipliedBy(CALLS_PER_ATTEMPT)).plus(LEASE_MARGIN);
        submission.claimed(delivery, leaseUntil);
        return Optional.of(new Claim(
                submissionId,
                attempt,
                delivery,
                batchOf(submission),
                attempt > 1 || redelivered || startedBefore,
                pastBudget,
                maxSeconds,
                leaseUntil.minus(timeout().multipliedBy(CALLS_TO_CREATE)).minus(LEASE_MARGIN)));
    }

    /**
     * Records what the claimed attempt came to, and releases it if it still holds it. A claim that
     * lost its lease (another delivery took the request over) records only a batch Sinch created:
     * that is true whoever holds the request, and even after it was given up (operators are told).
     */
    public void record(Claim claim, SubmissionOutcome outcome) {
        Submission submission = em.find(Submission.class, claim.submissionId(), LockModeType.PESSIMISTIC_WRITE);
        boolean held = submission.isClaimedBy(claim.delivery());
        if (held) {
            submission.released();
        }
        if (outcome instanceof SubmissionOutcome.Submitted created) {
            if (Submission.FAILED_TO_SUBMIT.equals(submission.status())) {
                LOG.warning(() -> "Sinch created batch " + created.batchId() + " for request " + submission.id()
                        + " after it was given up: it is SUBMITTED after all");
                submitted(submission, created.batchId());
                return;
            }
            if (submission.isPending()) {
                submitted(submission, created.batchId());
            }
            return;
        }
        if (held && submission.isPending()) {
            outcome.recordWith(recording(submission, claim.attempt()));
        }
    }

    private Duration budget() {
        return Duration.ofSeconds(maxSeconds);
    }

    /** One call's longest wait: the connect timeout, then the read timeout. */
    private Duration timeout() {
        return settings.timeout().multipliedBy(2);
    }

    private BatchRequest batchOf(Submission submission) {
        return new BatchRequest(
                messages.recipientsWithClientReference(submission.id()),
                submission.sender(),
                submission.body(),
                submission.deliveryReport(),
                submission.id(),
                settings.callbackUrl(),
                submission.options());
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
            message.submitted(batchId, now, scheduled ? submission.sendAt() : null);
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
            failed(submission, reason + "; gave up after " + attempt + " attempts");
        }
    }

    private void failed(Submission submission, String reason) {
        submission.failed(reason);
        finish(submission, StatusLifecycle.FAILED_TO_SUBMIT);
    }

    private void finish(Submission submission, String status) {
        Instant now = Instant.now();
        messages.lockedWithClientReference(submission.id()).forEach(message -> message.report(status, null, now));
    }

    /** What each outcome does to the request and its messages. */
    private SubmissionOutcome.Recording recording(Submission submission, int attempt) {
        return new SubmissionOutcome.Recording() {
            @Override
            public void submitted(String batchId) {
                SubmissionSteps.this.submitted(submission, batchId);
            }

            @Override
            public void rejected(String code, String text) {
                submission.rejected(code, text);
                finish(submission, StatusLifecycle.REJECTED);
            }

            @Override
            public void retryLater(Optional<Duration> retryAfter, String reason) {
                SubmissionSteps.this.retryLater(submission, attempt, retryAfter, reason);
            }

            @Override
            public void failed(String reason) {
                SubmissionSteps.this.failed(submission, reason);
            }
        };
    }
}
