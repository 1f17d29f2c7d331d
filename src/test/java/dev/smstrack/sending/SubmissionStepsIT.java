package dev.smstrack.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smstrack.messages.Messages;
import dev.smstrack.messages.StatusLifecycle;
import dev.smstrack.sending.api.NotPossibleNowException;
import dev.smstrack.sending.api.SendOptions;
import dev.smstrack.testing.Deployments;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cancelling and submitting as the database sees them, inside the server: a request not yet tried
 * is cancelled here, one being tried is not, and parameters (they hold numbers) are kept only until
 * the request is submitted.
 */
@ExtendWith(ArquillianExtension.class)
class SubmissionStepsIT {

    private static final SendOptions WITH_PARAMETERS = SendOptions.NONE
            .withSendAt(Instant.now().plusSeconds(3600))
            .withParameters(Map.of("name", Map.of("default", "there")));

    @Deployment
    static WebArchive deployment() {
        return Deployments.productWarWith(SubmissionStepsIT.class, SubmissionProbe.class);
    }

    @Inject
    SubmissionProbe probe;

    @Inject
    CancellationSteps cancellation;

    @Inject
    Submitter submitter;

    @Inject
    Submissions submissions;

    @Inject
    Messages messages;

    @Test
    void aRequestNotYetTriedIsCancelledHereAndNeverSent() {
        String id = probe.pending(recipient(), "Hi ${name}", WITH_PARAMETERS, 0);

        assertTrue(
                cancellation
                        .batchToCancel(id, "it-sender", false, Instant.now())
                        .isEmpty(),
                "nothing to ask Sinch");

        assertEquals(Submission.CANCELLED, submissions.find(id).orElseThrow().status());
        assertEquals(
                StatusLifecycle.CANCELLED,
                messages.withClientReference(id).get(0).status());
        assertTrue(probe.storedOptions(id).parameters().isEmpty(), "its parameters are gone");
        submitter.attempt(id, 1, "first", false);
        assertEquals(Submission.CANCELLED, submissions.find(id).orElseThrow().status(), "its attempt sends nothing");
    }

    @Test
    void aRequestBeingTriedIsNotCancelledUntilItIsSubmitted() {
        String id = probe.pending(recipient(), "Hi ${name}", WITH_PARAMETERS, 1);

        var refused = assertThrows(
                NotPossibleNowException.class, () -> cancellation.batchToCancel(id, "it-sender", false, Instant.now()));
        assertTrue(refused.getMessage().contains("being submitted"), refused.getMessage());
    }

    @Test
    void parametersAreKeptUntilTheRequestIsSubmitted() {
        String id = probe.pending(recipient(), "Hi ${name}", WITH_PARAMETERS, 0);
        assertEquals(WITH_PARAMETERS.parameters(), probe.storedOptions(id).parameters());

        submitter.attempt(id, 1, "first", false);

        var submitted = submissions.find(id).orElseThrow();
        assertEquals(Submission.SUBMITTED, submitted.status());
        assertEquals(
                StatusLifecycle.SCHEDULED,
                messages.withClientReference(id).get(0).status());
        assertTrue(probe.storedOptions(id).parameters().isEmpty(), "cleared once Sinch has them");
        assertTrue(
                cancellation
                        .batchToCancel(id, "it-sender", false, Instant.now())
                        .isPresent(),
                "Sinch holds it");
    }

    private static String recipient() {
        return "+46701240" + (100 + (int) (System.nanoTime() % 900));
    }
}
