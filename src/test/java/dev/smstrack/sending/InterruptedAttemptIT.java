package dev.smstrack.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.smstrack.testing.Deployments;
import jakarta.inject.Inject;
import jakarta.json.Json;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
    SinchClient sinch;

    @Inject
    Submissions submissions;

    @Test
    void anAttemptThatStartedBeforeACrashFindsItsBatchAtSinch() {
        String recipient = "+46701230" + (100 + (int) (System.nanoTime() % 900));
        String id = probe.pendingAfterAnInterruptedFirstAttempt(recipient, "sent just before the crash");
        // What the dead node's call had done at Sinch before it died.
        SinchAnswer created = sinch.createBatch(Json.createObjectBuilder()
                .add("to", Json.createArrayBuilder().add(recipient))
                .add("from", "SIMULATOR")
                .add("body", "sent just before the crash")
                .add("client_reference", id)
                .build());
        String batchId = created.body().getString("id");

        submitter.attempt(id, 1, false);

        assertEquals(1, sinch.batchIdsWithClientReference(id).size(), "batches at Sinch for the request");
        var result = submissions.find(id).orElseThrow();
        assertEquals(Submission.SUBMITTED, result.status());
        assertEquals(batchId, result.batchId());
    }
}
