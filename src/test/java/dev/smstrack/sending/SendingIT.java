package dev.smstrack.sending;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smstrack.testing.Deployments;
import dev.smstrack.testing.SimulatedSinchBatches;
import dev.smstrack.testing.TestUsers;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sending over REST through the built-in Sinch simulator (no Sinch credentials are configured in
 * the tests), whose special recipients make Sinch misbehave in known ways.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SendingIT {

    private static final Set<String> FINAL = Set.of("Delivered", "Failed", "Expired");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyMessageSentReachesAFinalStatusAfterDispatched() throws Exception {
        var answer = send("{\"to\":[\"+46701110001\",\"+46701110002\"],\"body\":\"Hello from the tests\"}", null);
        assertEquals(202, answer.statusCode(), answer.body());
        JsonObject result = json(answer.body());
        assertEquals("PENDING", result.getString("status"));
        assertEquals(2, result.getJsonArray("messages").size());
        JsonObject first = result.getJsonArray("messages").getJsonObject(0);
        assertEquals("GSM", first.getString("encoding"));
        assertEquals(1, first.getInt("parts"));

        for (var message : result.getJsonArray("messages")) {
            String id = message.asJsonObject().getString("id");
            JsonObject done = await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> message(id),
                            m -> FINAL.contains(m.getString("status"))
                                    && statuses(m).size() == 2);
            List<String> history = statuses(done);
            assertEquals("Dispatched", history.get(0), history.toString());
            assertTrue(FINAL.contains(history.get(history.size() - 1)), history.toString());
            assertNotNull(done.getString("batchId"));
            String operator = done.getString("recipient").endsWith("1") ? "Simulated Telecom" : "Simulated Mobile";
            assertEquals(operator, done.getString("operator"), "the operator Sinch reported");
            for (var event : done.getJsonArray("events")) {
                assertEquals(operator, event.asJsonObject().getString("operator"));
                assertFalse(event.asJsonObject().isNull("operatorStatusAt"));
            }
            assertEquals(
                    "Delivered".equals(done.getString("status")),
                    done.get("deliveredAfterMs") instanceof JsonNumber,
                    "a time to deliver once, and only once, delivered: " + done);
        }
        assertEquals(1, batchesAtSinch(result.getString("requestId")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"+46700000429, 429 twice", "+46700000503, 503 twice", "+46700000504, created but answered 504"})
    void aRetriedSendBecomesExactlyOneBatch(String recipient, String what) throws Exception {
        JsonObject result = json(send("{\"to\":[\"" + recipient + "\"],\"body\":\"retry me\"}", null)
                .body());
        String id = result.getJsonArray("messages").getJsonObject(0).getString("id");
        awaitFinal(id);
        assertEquals(1, batchesAtSinch(result.getString("requestId")), what);
    }

    @Test
    void aRejectedSendKeepsSinchsCode() throws Exception {
        String key = UUID.randomUUID().toString();
        String request = "{\"to\":[\"+46700000400\"],\"body\":\"no\"}";
        JsonObject result = json(send(request, key).body());
        String id = result.getJsonArray("messages").getJsonObject(0).getString("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> message(id).getString("status"), "REJECTED"::equals);

        JsonObject asked =
                json(get("api/send-requests/" + result.getString("requestId")).body());
        assertEquals("REJECTED", asked.getString("status"));
        assertTrue(asked.getString("error").startsWith("syntax_invalid_parameter_format: "), asked.toString());
        assertEquals(asked, json(send(request, key).body()), "the same key answers the same result");
        assertEquals(0, batchesAtSinch(result.getString("requestId")));
        assertEquals(404, get("api/send-requests/no-such-request").statusCode());
    }

    /** An answer Sinch should not give is one stored outcome, with the answer kept: no redelivery loop. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "+46700000201, FAILED_TO_SUBMIT, 1, without a batch id",
        "+46700000202, FAILED_TO_SUBMIT, 6, without batches"
    })
    void anOddAnswerOfSinchIsOneStoredOutcome(String recipient, String status, int attempts, String error)
            throws Exception {
        JsonObject result = json(
                send("{\"to\":[\"" + recipient + "\"],\"body\":\"odd\"}", null).body());
        String requestId = result.getString("requestId");
        JsonObject asked = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> json(get("api/send-requests/" + requestId).body()),
                        r -> status.equals(r.getString("status")));
        assertTrue(asked.getString("error").contains(error), asked.toString());
        String id = result.getJsonArray("messages").getJsonObject(0).getString("id");
        assertEquals(status, message(id).getString("status"));
        assertEquals(attempts, persistedAttempts(requestId), "attempts made");
        Thread.sleep(3000);
        assertEquals(attempts, persistedAttempts(requestId), "and no more after it ended");
    }

    private int persistedAttempts(String requestId) throws Exception {
        return json(get("api/send-requests/" + requestId).body()).getInt("attempts");
    }

    @Test
    void theSameIdempotencyKeyTwiceSendsOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = "{\"to\":[\"+46701110003\"],\"body\":\"once only\"}";
        JsonObject first = json(send(body, key).body());
        JsonObject second = json(send(body, key).body());
        assertEquals(first.getString("requestId"), second.getString("requestId"));
        assertEquals(
                first.getJsonArray("messages").getJsonObject(0).getString("id"),
                second.getJsonArray("messages").getJsonObject(0).getString("id"));
        awaitFinal(first.getJsonArray("messages").getJsonObject(0).getString("id"));
        assertEquals(1, batchesAtSinch(first.getString("requestId")));
    }

    @Test
    void aReportBeforeTheSendIsAnsweredIsStillApplied() throws Exception {
        JsonObject result = json(
                send("{\"to\":[\"+46700000001\"],\"body\":\"early\"}", null).body());
        JsonObject done =
                awaitFinal(result.getJsonArray("messages").getJsonObject(0).getString("id"));
        assertTrue(statuses(done).contains("Dispatched"), statuses(done).toString());
    }

    @Test
    void reconciliationFindsAFinalStatusNoCallbackDelivered() throws Exception {
        JsonObject result = json(send("{\"to\":[\"+46700000404\"],\"body\":\"lost report\"}", null)
                .body());
        JsonObject done =
                awaitFinal(result.getJsonArray("messages").getJsonObject(0).getString("id"));
        assertTrue(FINAL.contains(done.getString("status")), done.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"to\":[],\"body\":\"x\"}                          | to: must list 1 to 1000 recipients",
                "{\"to\":[\"46701234567\"],\"body\":\"x\"}           | to: 46701234567 is not an E.164 number like +46701234567",
                "{\"to\":[\"+46701234567\"]}                         | body: is required",
                "{\"to\":[\"+46701234567\"],\"body\":\"x\",\"deliveryReport\":\"all\"} | deliveryReport: must be one of",
            })
    void refusesAnInvalidRequestNamingTheField(String request, String reason) throws Exception {
        var answer = send(request, null);
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(json(answer.body()).getString("detail").startsWith(reason), answer.body());
    }

    private JsonObject awaitFinal(String messageId) {
        return await().atMost(Duration.ofSeconds(60))
                .until(() -> message(messageId), m -> FINAL.contains(m.getString("status")));
    }

    private JsonObject message(String id) throws Exception {
        return json(get("api/messages/" + id).body());
    }

    private static List<String> statuses(JsonObject message) {
        return message.getJsonArray("events").stream()
                .map(event -> event.asJsonObject().getString("status"))
                .toList();
    }

    private int batchesAtSinch(String requestId) throws Exception {
        return SimulatedSinchBatches.withReference(http, base.toURI(), requestId)
                .size();
    }

    /** An idempotency key is the caller's: another request under it is 409, another caller's is another request. */
    @Test
    void anIdempotencyKeyBelongsToItsCallerAndToOneRequest() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = "{\"to\":[\"+46701110004\"],\"body\":\"first\"}";
        JsonObject first = json(send(body, key, TestUsers.OPS).body());

        var other = send(body.replace("first", "second"), key, TestUsers.OPS);
        assertEquals(409, other.statusCode(), other.body());
        assertTrue(json(other.body()).getString("detail").contains(first.getString("requestId")), other.body());

        var anotherCaller = send(body, key, TestUsers.SENDER);
        assertEquals(202, anotherCaller.statusCode(), anotherCaller.body());
        assertNotEquals(first.getString("requestId"), json(anotherCaller.body()).getString("requestId"));
        assertEquals(
                first.getString("requestId"),
                json(send(body, key, TestUsers.OPS).body()).getString("requestId"));
    }

    private HttpResponse<String> send(String body, String idempotencyKey) throws Exception {
        return send(body, idempotencyKey, TestUsers.OPS);
    }

    private HttpResponse<String> send(String body, String idempotencyKey, TestUsers user) throws Exception {
        var request = HttpRequest.newBuilder(uri("api/messages"))
                .header("Authorization", user.basic())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", TestUsers.OPS.basic())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) throws Exception {
        return base.toURI().resolve("/" + path);
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
