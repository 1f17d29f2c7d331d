package dev.smstrack.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smstrack.sending.api.SendOptions;
import dev.smstrack.testing.Deployments;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A node killed while it called Sinch: the broker delivers the attempt again after the restart, or
 * to another node, without marking it redelivered (Artemis does not persist delivery counts by
 * default). The batch that the dead node's call created must be found, not created again
 * (found by src/test/reliability/cluster.sh: one send in 200 reached Sinch twice).
 */
@ExtendWith(ArquillianExtension.class)
class InterruptedAttemptIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.productWarWith(InterruptedAttemptIT.class, SubmissionProbe.class);
    }

    @Inject
    SubmissionProbe probe;

    @Inject
    Submitter submitter;

    @Inject
    SubmissionSteps steps;

    @Inject
    SinchClient sinch;

    @Inject
    Submissions submissions;

    /**
     * Attempt 1 as delivered again after the restart; or any attempt of a node that was down longer
     * than the send budget: the batch its call created still counts.
     */
    @ParameterizedTest(name = "{2}")
    @CsvSource({
        "1, the dead node's delivery, false, started before a crash and delivered again after it",
        "1000, reconciliation's, true, resumed past its budget"
    })
    void anInterruptedAttemptFindsItsBatchAtSinch(int attempt, String delivery, boolean redelivered, String what) {
        String recipient = recipient();
        String id = probe.pendingAfterAnInterruptedFirstAttempt(recipient, BODY);
        String batchId = createdAtSinch(id, recipient);

        submitter.attempt(id, attempt, delivery, redelivered);

        assertEquals(1, sinch.batchIdsWithClientReference(id).size(), "batches at Sinch for the request");
        var result = submissions.find(id).orElseThrow();
        assertEquals(Submission.SUBMITTED, result.status());
        assertEquals(batchId, result.batchId());
    }

    @Test
    void anAttemptPastItsBudgetWithoutABatchGivesUpWithoutSending() {
        String id = probe.pendingAfterAnInterruptedFirstAttempt(recipient(), BODY);

        submitter.attempt(id, 1000, "reconciliation's", true);

        assertEquals(0, sinch.batchIdsWithClientReference(id).size(), "batches at Sinch for the request");
        assertEquals(
                Submission.FAILED_TO_SUBMIT, submissions.find(id).orElseThrow().status());
    }

    /**
     * While a delivery's attempt holds the request (its call to Sinch may be under way), another
     * delivery leaves it alone; the same delivery again (the broker's redelivery: its first try is
     * over) and, once the lease ran out, any other, go on.
     */
    @Test
    void anAttemptUnderWayIsLeftToItsDelivery() {
        String id = probe.pendingAfterAnInterruptedFirstAttempt(recipient(), BODY);
        assertTrue(steps.claim(id, 2, "first", false).isPresent(), "the first delivery claims attempt 2");

        submitter.attempt(id, 2, "second", false);
        assertEquals(0, sinch.batchIdsWithClientReference(id).size(), "the second delivery did not call Sinch");
        assertEquals(Submission.PENDING, submissions.find(id).orElseThrow().status());

        submitter.attempt(id, 2, "first", true);
        assertEquals(1, sinch.batchIdsWithClientReference(id).size(), "its redelivery sent it, once");
        assertEquals(Submission.SUBMITTED, submissions.find(id).orElseThrow().status());
    }

    @Test
    void aLeaseThatRanOutLetsAnotherDeliveryOn() {
        String id = probe.pendingAfterAnInterruptedFirstAttempt(recipient(), BODY);
        assertTrue(steps.claim(id, 2, "dead node's", false).isPresent());
        probe.leaseRunsOut(id);

        submitter.attempt(id, 3, "reconciliation's", false);

        assertEquals(1, sinch.batchIdsWithClientReference(id).size());
        assertEquals(Submission.SUBMITTED, submissions.find(id).orElseThrow().status());
    }

    /**
     * An attempt recorded (a retry queued) and then delivered again (the node died before the broker
     * learnt it was taken): a duplicate, dropped; the queued retry goes on.
     */
    @Test
    void aRecordedAttemptDeliveredAgainIsDropped() {
        String id = probe.pendingAfterAnInterruptedFirstAttempt(recipient(), BODY);
        var claim = steps.claim(id, 2, "m", false).orElseThrow();
        steps.record(
                claim, new SubmissionOutcome.RetryLater(Optional.of(Duration.ofSeconds(60)), "Sinch answered 503"));

        submitter.attempt(id, 2, "m", true);

        assertEquals(0, sinch.batchIdsWithClientReference(id).size(), "the duplicate did not call Sinch");
        assertEquals(Submission.PENDING, submissions.find(id).orElseThrow().status());
    }

    /**
     * A create that landed after its attempt lost its lease and the request was given up by another
     * delivery: Sinch has the batch, so the request is SUBMITTED after all.
     */
    @Test
    void aBatchCreatedAfterTheRequestWasGivenUpStillCounts() {
        String recipient = recipient();
        String id = probe.pendingAfterAnInterruptedFirstAttempt(recipient, BODY);
        var slow = steps.claim(id, 2, "slow", false).orElseThrow();
        probe.leaseRunsOut(id);
        submitter.attempt(id, 1000, "reconciliation's", true);
        assertEquals(
                Submission.FAILED_TO_SUBMIT, submissions.find(id).orElseThrow().status());

        String batchId = createdAtSinch(id, recipient);
        steps.record(slow, new SubmissionOutcome.Submitted(batchId));

        var result = submissions.find(id).orElseThrow();
        assertEquals(Submission.SUBMITTED, result.status());
        assertEquals(batchId, result.batchId());
    }

    /**
     * A request never tried (its queue entry lost in a crash), resumed by reconciliation long after
     * the send budget: its first attempt is still made (looking Sinch up first), once.
     */
    @Test
    void aRequestNeverTriedIsSentWhenResumedHoweverLate() {
        String id = probe.pending(recipient(), BODY, SendOptions.NONE, 0);
        probe.createdAgo(id, Duration.ofMinutes(10));

        submitter.attempt(id, 1, "reconciliation's", true);

        assertEquals(1, sinch.batchIdsWithClientReference(id).size(), "sent once");
        assertEquals(Submission.SUBMITTED, submissions.find(id).orElseThrow().status());
        submitter.attempt(id, 2, "a late retry", false);
        assertEquals(1, sinch.batchIdsWithClientReference(id).size(), "and only once");
    }

    private static final String BODY = "sent just before the crash";

    private static String recipient() {
        return "+46701230" + (100 + (int) (System.nanoTime() % 900));
    }

    /** What the dead node's call had done at Sinch before it died. */
    private String createdAtSinch(String id, String recipient) {
        SinchAnswer created = sinch.createBatch(new BatchRequest(
                List.of(recipient), "SIMULATOR", BODY, "none", id, Optional.empty(), SendOptions.NONE));
        return created.body().getString("id");
    }
}
