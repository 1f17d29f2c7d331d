package dev.smstrack.callbacks;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smstrack.testing.Deployments;
import dev.smstrack.testing.SignedCallbacks;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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

/** The slice over HTTP: a signed callback is queued, consumed, stored and readable; others are refused. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CallbackSliceIT {

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
    void storesASignedRecipientDeliveryReport() throws Exception {
        String batchId = newBatchId();
        var answer =
                sinch.post(SignedCallbacks.recipientReport(batchId, "Dispatched", 401, "2026-01-02T03:04:05.678Z"));
        assertEquals(200, answer.statusCode(), answer.body());

        JsonObject event = awaitEvents(batchId, 1).getJsonObject(0);
        assertEquals(batchId, event.getString("batchId"));
        assertEquals("46701234567", event.getString("recipient"));
        assertEquals("Dispatched", event.getString("status"));
        assertEquals(401, event.getInt("code"));
        assertEquals("2026-01-02T03:04:05.678Z", event.getString("at"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "wrong signature      | AAAA       | HmacSHA256 | signature does not match",
                "other algorithm      | (valid)    | HmacSHA1   | unsupported signature algorithm, expected HmacSHA256",
                "no signature header  | (none)     | HmacSHA256 | missing x-sinch-webhook-signature header",
                "secret not ours      | (stranger) | HmacSHA256 | signature does not match"
            })
    void refusesAndStoresNothingWithoutAValidSignature(String why, String signature, String algorithm, String reason)
            throws Exception {
        String rejectedBatch = newBatchId();
        String body = SignedCallbacks.recipientReport(rejectedBatch, "Delivered", 0, "2026-01-02T03:04:06.000Z");
        String nonce = UUID.randomUUID().toString();
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String presented =
                switch (signature) {
                    case "(valid)" -> WebhookSignature.sign(SignedCallbacks.SECRET, bytes, nonce, timestamp);
                    case "(stranger)" -> WebhookSignature.sign("not-our-secret", bytes, nonce, timestamp);
                    case "(none)" -> null;
                    default -> signature;
                };

        var answer = sinch.post(body, presented, algorithm, nonce, timestamp);

        assertEquals(401, answer.statusCode(), why);
        assertEquals(
                reason,
                Json.createReader(new StringReader(answer.body())).readObject().getString("reason"));
        assertTrue(!answer.body().contains(SignedCallbacks.SECRET), "the secret is never echoed");
        // A valid callback sent afterwards has been processed: the refused one would have been too.
        String laterBatch = newBatchId();
        sinch.post(SignedCallbacks.recipientReport(laterBatch, "Delivered", 0, "2026-01-02T03:04:07.000Z"));
        awaitEvents(laterBatch, 1);
        assertEquals(0, events(rejectedBatch).size(), "nothing stored for a refused callback");
    }

    private JsonArray awaitEvents(String batchId, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> events(batchId), events -> events.size() == count);
    }

    private JsonArray events(String batchId) throws Exception {
        var answer = sinch.get("api/status-events?batchId=" + batchId);
        assertEquals(200, answer.statusCode(), answer.body());
        return Json.createReader(new StringReader(answer.body())).readArray();
    }

    private static String newBatchId() {
        return "IT" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
    }
}
