package dev.smstrack.callbacks;

import static dev.smstrack.testing.SignedCallbacks.newBatchId;
import static dev.smstrack.testing.SignedCallbacks.recipientReport;
import static dev.smstrack.testing.SignedCallbacks.signedHeaders;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smstrack.callbacks.authentication.WebhookSignature;
import dev.smstrack.testing.Deployments;
import dev.smstrack.testing.ServerLog;
import dev.smstrack.testing.SignedCallbacks;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The callback endpoint over HTTP, as Sinch meets it, against the real WAR on the real server. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CallbacksEndpointIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    @ArquillianResource
    URL base;

    SignedCallbacks sinch;

    @BeforeEach
    void connect() throws Exception {
        sinch = new SignedCallbacks(base.toURI());
    }

    @Test
    void storesASignedReportAsTheWorkedExampleDescribesIt() throws Exception {
        String batchId = newBatchId();
        var answer = sinch.post(recipientReport(batchId, "46701234567", "Dispatched", 401, "2026-01-02T03:04:05.678Z"));
        assertEquals(200, answer.statusCode(), answer.body());

        JsonObject event = awaitEvents(batchId, 1).getJsonArray("items").getJsonObject(0);
        assertEquals(batchId, event.getString("batchId"));
        assertEquals("+46701234567", event.getString("recipient"));
        assertEquals("Dispatched", event.getString("status"));
        assertEquals(401, event.getInt("code"));
        assertEquals("2026-01-02T03:04:05.678Z", event.getString("at"));
        assertTrue(event.isNull("messageId"), "no message was sent for this batch: the report is parked");
    }

    @Test
    void storesACallbackDeliveredTenTimesOnce() throws Exception {
        String batchId = newBatchId();
        String body = recipientReport(batchId, "46701234567", "Delivered", 0, "2026-01-02T03:04:05.678Z");
        for (int retry = 0; retry < 10; retry++) {
            assertEquals(200, sinch.post(body).statusCode(), "Sinch's retry " + retry);
        }
        var replayed = signedHeaders(body, UUID.randomUUID().toString(), Instant.now());
        for (int replay = 0; replay < 3; replay++) {
            assertEquals(200, sinch.post(body, replayed).statusCode(), "replay " + replay + " of one request");
        }
        // Taken in one list or in lists at once, they share a unique dedup key: the count must settle at 1.
        await().atMost(Duration.ofSeconds(30))
                .during(Duration.ofSeconds(2))
                .until(() -> events(batchId).getInt("total") == 1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "wrong signature      | signature | AAAA       | signature does not match",
                "other algorithm      | algorithm | HmacSHA1   | unsupported signature algorithm, expected HmacSHA256",
                "no signature header  | signature | (none)     | missing x-sinch-webhook-signature header",
                "secret not ours      | signature | (stranger) | signature does not match",
                "stale timestamp      | timestamp | (stale)    | timestamp is more than 86400 s old",
                "timestamp from later | timestamp | (future)   | timestamp is more than 300 s ahead of the server clock",
                "nonce of 300 chars   | nonce     | (long)     | x-sinch-webhook-signature-nonce is not 1 to 64 letters, digits, '_' or '-'",
                "nonce with a dot     | nonce     | a.b        | x-sinch-webhook-signature-nonce is not 1 to 64 letters, digits, '_' or '-'",
                "no Basic credentials | basic     | (none)     | HTTP Basic credentials missing or wrong",
                "wrong Basic password | basic     | Basic c2luY2g6bm8= | HTTP Basic credentials missing or wrong"
            })
    void refusesSayingOnlyThatAndLogsTheReason(String why, String header, String value, String reason)
            throws Exception {
        String batchId = newBatchId();
        String body = recipientReport(batchId, "46701234567", "Delivered", 0, "2026-01-02T03:04:06.000Z");
        Instant signedAt =
                switch (value) {
                    case "(stale)" -> Instant.now().minus(Duration.ofDays(2));
                    case "(future)" -> Instant.now().plus(Duration.ofHours(1));
                    default -> Instant.now();
                };
        String nonce =
                switch (value) {
                    case "(long)" -> "n".repeat(300);
                    case "a.b" -> value;
                    default -> UUID.randomUUID().toString();
                };
        // Signed with the right secret, whatever the nonce: only the check of the headers refuses it.
        var headers = new HashMap<>(signedHeaders(body, nonce, signedAt));
        String name =
                switch (header) {
                    case "signature" -> "x-sinch-webhook-signature";
                    case "algorithm" -> "x-sinch-webhook-signature-algorithm";
                    case "basic" -> "Authorization";
                    default -> null;
                };
        switch (value) {
            case "(none)" -> headers.put(name, null);
            case "(stranger)" -> headers.put(
                    name,
                    WebhookSignature.sign(
                            "not-our-secret",
                            body.getBytes(StandardCharsets.UTF_8),
                            headers.get("x-sinch-webhook-signature-nonce"),
                            headers.get("x-sinch-webhook-signature-timestamp")));
            case "(stale)", "(future)", "(long)", "a.b" -> {}
            default -> headers.put(name, value);
        }

        Thread.sleep(1100); // the refusal log writes a line a second for each failed check: this one is read back
        var answer = sinch.post(body, headers);

        assertEquals(401, answer.statusCode(), why);
        var refusal = json(answer.body());
        assertEquals("authentication failed", refusal.getString("title"));
        String requestId = refusal.getString("detail").replaceFirst("^request ", "");
        assertTrue(requestId.matches("[0-9a-f-]{36}"), "the body names only a request id: " + answer.body());
        assertEquals(
                "application/problem+json",
                answer.headers().firstValue("Content-Type").orElse(""),
                "RFC 9457");
        assertEquals("urn:sms-tracker:problem:authentication-failed", refusal.getString("type"));
        assertEquals(401, refusal.getInt("status"));
        assertEquals(requestId, refusal.getString("requestId"));
        assertEquals(requestId, answer.headers().firstValue("X-Request-Id").orElse(""));
        String logged = ServerLog.awaitLineWith("(request " + requestId + "): ");
        assertTrue(logged.contains("WARN") && logged.endsWith(reason), logged);
        assertFalse(logged.contains(SignedCallbacks.SECRET), "the secret is never logged");
        String signature = headers.get("x-sinch-webhook-signature");
        assertFalse(signature != null && logged.contains(signature), "nor the signature");
        awaitProcessingOfEverythingSentSoFar();
        assertEquals(0, events(batchId).getInt("total"), "nothing stored for a refused callback");
    }

    @Test
    void answersWhatSinchNeedsToKnowForOtherRequests() throws Exception {
        assertEquals(405, sinch.get("api/sinch/callbacks").statusCode());

        String body = recipientReport(newBatchId(), "46701234567", "Delivered", 0, "2026-01-02T03:04:06.000Z");
        var plainText =
                sinch.post(body, signedHeaders(body, UUID.randomUUID().toString(), Instant.now()), "text/plain");
        assertEquals(415, plainText.statusCode());

        String huge = "{\"type\":\"mo_text\",\"body\":\"" + "x".repeat(1024 * 1024) + "\"}";
        var tooLarge = sinch.post(huge, signedHeaders(huge, UUID.randomUUID().toString(), Instant.now()));
        assertEquals(413, tooLarge.statusCode());
        assertTrue(json(tooLarge.body()).getString("detail").contains("1048576 bytes"), tooLarge.body());
    }

    /** What the consumer could not store is refused at the door, and kept, never queued to fail again and again. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "broken JSON        | \"                                                | the body is not valid JSON",
                "a huge exponent    | ,\"code\":4e0188888888888888888}                 | field code holds a number that cannot be read",
                "year 300,000,000   | ,\"at\":\"+300000000-01-01T00:00:00Z\"}          | field at is outside the years 1970 to 9999",
            })
    void keepsASignedButUnstorableBodyAndAnswers400(String why, String ending, String problem) throws Exception {
        String broken = "{\"type\":\"recipient_delivery_report_sms\",\"batch_id\":\"" + newBatchId()
                + "\",\"recipient\":\"46701234567\",\"status\":\"Delivered\"" + ending;
        var answer = sinch.post(broken);

        assertEquals(400, answer.statusCode(), answer.body());
        assertEquals(
                problem + "; the body was kept for operators",
                json(answer.body()).getString("detail"));
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        sinch.getJson("api/received-callbacks?outcome=REJECTED&size=500").getJsonArray("items").stream()
                                .map(JsonObject.class::cast)
                                .anyMatch(kept -> kept.getString("payload").equals(broken)
                                        && kept.getString("problem").equals(problem)));
    }

    private JsonObject awaitEvents(String batchId, int count) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> events(batchId), events -> events.getInt("total") == count);
    }

    /** Sends a report and waits for it: whatever was queued before it has been consumed by then. */
    private void awaitProcessingOfEverythingSentSoFar() throws Exception {
        String barrier = newBatchId();
        assertEquals(
                200,
                sinch.post(recipientReport(barrier, "46700000000", "Delivered", 0, "2026-01-02T03:04:07.000Z"))
                        .statusCode());
        awaitEvents(barrier, 1);
    }

    private JsonObject events(String batchId) throws Exception {
        return sinch.getJson("api/status-events?batchId=" + URLEncoder.encode(batchId, StandardCharsets.UTF_8));
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
