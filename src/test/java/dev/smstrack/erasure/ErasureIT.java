package dev.smstrack.erasure;

import static dev.smstrack.testing.SignedCallbacks.newBatchId;
import static dev.smstrack.testing.SignedCallbacks.recipientReport;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smstrack.callbacks.CallbackIntake;
import dev.smstrack.callbacks.authentication.VerifiedNonce;
import dev.smstrack.testing.Deployments;
import dev.smstrack.testing.MessagesApi;
import dev.smstrack.testing.SignedCallbacks;
import dev.smstrack.testing.TestUsers;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A number in every table and queue, erased: nothing holds it after, and the audit says who. */
@ExtendWith(ArquillianExtension.class)
class ErasureIT {

    /** A number of this run alone: a run that failed half-way leaves its rows behind. */
    static final String NUMBER = "+4670" + (1_000_000 + new java.util.Random().nextInt(9_000_000));

    static final String DIGITS = NUMBER.substring(1);
    static final String BODY = "a private text for erasure";

    @Deployment
    static WebArchive deployment() {
        return Deployments.productWarWith(
                ErasureIT.class, ErasureProbe.class, SignedCallbacks.class, MessagesApi.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    ErasureProbe probe;

    @Inject
    CallbackIntake intake;

    @Test
    void leavesNoTraceOfTheNumberAndAuditsWhoErasedIt() throws Exception {
        String requestId =
                MessagesApi.send(base, TestUsers.SENDER, "{\"to\":[\"" + NUMBER + "\"],\"body\":\"" + BODY + "\"}");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Set.of("Delivered", "Failed", "Expired").contains(probe.statusOfMessagesOf(requestId)));
        // Callbacks as the endpoint queues them once their signature is verified: a parked report, an inbound SMS.
        receive(recipientReport(newBatchId(), DIGITS, "Delivered", 0, "2026-01-02T03:04:05.678Z"));
        receive("{\"id\":\"" + newBatchId() + "\",\"from\":\"" + DIGITS + "\",\"to\":\"12345\","
                + "\"body\":\"Help me\",\"type\":\"mo_text\",\"received_at\":\"2026-07-19T13:09:02.972Z\"}");
        probe.deadLetter(recipientReport(newBatchId(), DIGITS, "Failed", 0, "2026-01-02T03:04:05.678Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> probe.rowsHolding(DIGITS)
                .keySet()
                .containsAll(Set.of(
                        "message.recipient", "status_event.recipient", "callback.payload", "inbound_message.sender")));
        assertEquals(1, probe.deadLettersHolding(DIGITS));

        assertEquals(403, delete(TestUsers.READER).statusCode(), "operators only");
        var erased = delete(TestUsers.OPERATOR);
        assertEquals(200, erased.statusCode(), erased.body());
        var counts = Json.createReader(new StringReader(erased.body())).readObject();
        assertTrue(!erased.body().contains(DIGITS), "the answer does not repeat the number: " + erased.body());
        assertEquals(1, counts.getInt("messages"));
        assertTrue(counts.getInt("statusEvents") >= 2, erased.body()); // the message's and the parked one
        assertEquals(1, counts.getInt("inboundMessages"));
        assertEquals(1, counts.getInt("submissions"));
        assertEquals(1, counts.getInt("deadLetters"));

        assertEquals(Map.of(), probe.rowsHolding(DIGITS), "no row still holds the number");
        assertEquals(Map.of(), probe.rowsHolding(BODY), "nor the text sent to it");
        assertEquals(0, probe.deadLettersHolding(DIGITS), "nor a queued message");
        assertTrue(
                Set.of("Delivered", "Failed", "Expired").contains(probe.statusOfMessagesOf(requestId)),
                "the message keeps its final status");
        assertTrue(probe.erasuresBy("it-operator") >= 1, "audited");
    }

    @Test
    void refusesWhatIsNoPhoneNumber() throws Exception {
        var answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base.toString()).resolve("/api/phone-numbers/not-a-number"))
                                .header("Authorization", TestUsers.OPERATOR.basic())
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("E.164"), answer.body());
    }

    private void receive(String body) {
        var problem = intake.accept(
                        body.getBytes(StandardCharsets.UTF_8),
                        new VerifiedNonce(UUID.randomUUID().toString(), Instant.now()))
                .toCompletableFuture()
                .join();
        assertTrue(problem.isEmpty(), problem.toString());
    }

    private HttpResponse<String> delete(TestUsers user) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base.toString()).resolve("/api/phone-numbers/" + NUMBER))
                                .header("Authorization", user.basic())
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
