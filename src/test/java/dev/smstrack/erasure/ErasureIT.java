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

/**
 * A number in every table and queue, erased: no column of any table holds it after (what a dump
 * would show), nor does what arrives about it later, and the audit says who.
 */
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

        assertEquals(403, erase(TestUsers.READER, NUMBER).statusCode(), "operators only");
        var erased = erase(TestUsers.OPERATOR, NUMBER);
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
    void aNumberSinchRefusedAndReportsThatArriveAfterTheErasureLeaveNoTrace() throws Exception {
        // The simulator refuses this recipient; the send request's error names it.
        String refused = "+46700000400";
        MessagesApi.send(base, TestUsers.SENDER, "{\"to\":[\"" + refused + "\"],\"body\":\"refused\"}");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> probe.rowsHolding(refused.substring(1)).containsKey("submission.error_text"));
        assertEquals(200, erase(TestUsers.OPERATOR, refused).statusCode());

        String number = "+4670" + (1_000_000 + new java.util.Random().nextInt(9_000_000));
        String requestId = MessagesApi.send(
                base,
                TestUsers.SENDER,
                "{\"to\":[\"" + number + "\"],\"body\":\"reported later\",\"deliveryReport\":\"none\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> probe.batchOfMessagesOf(requestId) != null);
        String batchId = probe.batchOfMessagesOf(requestId);
        assertEquals(200, erase(TestUsers.OPERATOR, number).statusCode());
        String pseudonym = probe.recipientOfMessagesOf(requestId);
        assertTrue(pseudonym.startsWith("erased-"), pseudonym);

        // After the erasure Sinch reports on the message, with the number, with and without its plus.
        receive(recipientReport(batchId, number.substring(1), "Dispatched", 0, "2026-01-02T03:04:05.678Z"));
        receive(recipientReport(batchId, number, "Delivered", 0, "2026-01-02T03:04:06.678Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> probe.matchedEvents(batchId, pseudonym) == 2);
        assertEquals("Delivered", probe.statusOfMessagesOf(requestId), "the reports found their message");

        assertEquals(Map.of(), probe.rowsHolding(number.substring(1)), "no row holds the number reported later");
        assertEquals(Map.of(), probe.rowsHolding(refused.substring(1)), "nor the number Sinch refused");
    }

    @Test
    void erasesANumberAsANumberNeverAsPartOfALongerOne() throws Exception {
        String number = "+4670" + (1_000_000 + new java.util.Random().nextInt(9_000_000));
        String longer = number + "12";
        receive(recipientReport(newBatchId(), longer.substring(1), "Delivered", 0, "2026-01-02T03:04:05.678Z"));
        receive(recipientReport(newBatchId(), number.substring(1), "Delivered", 0, "2026-01-02T03:04:05.678Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> probe.rowsHolding(longer.substring(1))
                .keySet()
                .containsAll(Set.of("callback.payload", "status_event.recipient")));

        var erased = erase(TestUsers.OPERATOR, number);
        assertEquals(200, erased.statusCode(), erased.body());
        assertEquals(
                1,
                Json.createReader(new StringReader(erased.body())).readObject().getInt("callbacks"));
        assertEquals(
                Set.of("callback.payload", "status_event.recipient"),
                probe.rowsHolding(longer.substring(1)).keySet(),
                "another person's longer number is untouched");
    }

    @Test
    void refusesWhatIsNoWholePhoneNumber() throws Exception {
        for (String notOne : new String[] {"not-a-number", "+1", "+4670123", "4670 12", "+46701234567890123"}) {
            var answer = erase(TestUsers.OPERATOR, notOne);
            assertEquals(400, answer.statusCode(), notOne + ": " + answer.body());
            assertTrue(answer.body().contains("E.164"), answer.body());
        }
        var noNumber = post(TestUsers.OPERATOR, "{}");
        assertEquals(400, noNumber.statusCode(), noNumber.body());
        assertTrue(noNumber.body().contains("phoneNumber is required"), noNumber.body());
    }

    private void receive(String body) {
        var problem = intake.accept(
                        body.getBytes(StandardCharsets.UTF_8),
                        new VerifiedNonce(UUID.randomUUID().toString(), Instant.now()))
                .toCompletableFuture()
                .join();
        assertTrue(problem.isEmpty(), problem.toString());
    }

    private HttpResponse<String> erase(TestUsers user, String number) throws Exception {
        return post(
                user,
                Json.createObjectBuilder().add("phoneNumber", number).build().toString());
    }

    private HttpResponse<String> post(TestUsers user, String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base.toString()).resolve("/api/erasures"))
                                .header("Authorization", user.basic())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
