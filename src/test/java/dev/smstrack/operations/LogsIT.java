package dev.smstrack.operations;

import static dev.smstrack.testing.SignedCallbacks.newBatchId;
import static dev.smstrack.testing.SignedCallbacks.recipientReport;
import static dev.smstrack.testing.SignedCallbacks.signedHeaders;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smstrack.testing.Deployments;
import dev.smstrack.testing.MessagesApi;
import dev.smstrack.testing.ServerLog;
import dev.smstrack.testing.SignedCallbacks;
import dev.smstrack.testing.TestUsers;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the server log shows after traffic: request ids, and no secret, signature or phone number. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LogsIT {

    private static final Pattern LEFT_OUT = Pattern.compile("\\((\\d+) more like it left out of the log");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    @ArquillianResource
    URL base;

    @Test
    void answersWithTheCallersRequestIdAndLogsUnderIt() throws Exception {
        var sinch = new SignedCallbacks(base.toURI());
        long logEnd = ServerLog.end();
        String body = recipientReport(newBatchId(), "46701234567", "Delivered", 0, "2026-01-02T03:04:05.678Z");
        var headers = new HashMap<>(signedHeaders(body, UUID.randomUUID().toString(), Instant.now()));
        headers.put("x-sinch-webhook-signature", "forged");
        headers.put("X-Request-Id", "trace-4711");
        waitOutTheRefusalLogInterval();
        var refused = sinch.post(body, headers);
        assertEquals(401, refused.statusCode());
        assertEquals("trace-4711", refused.headers().firstValue("X-Request-Id").orElseThrow());
        assertTrue(refused.body().contains("trace-4711"), "the caller can quote it: " + refused.body());
        await().atMost(Duration.ofSeconds(10)).until(() -> ServerLog.linesSince(logEnd).stream()
                .anyMatch(line -> line.contains("Refused a callback") && line.contains("trace-4711")));

        headers.put("X-Request-Id", "not an id; <b>");
        String generated =
                sinch.post(body, headers).headers().firstValue("X-Request-Id").orElseThrow();
        assertNotEquals("not an id; <b>", generated, "a header that is no plain token is replaced");
    }

    @Test
    void aFloodOfForgeriesWritesALineASecondAndSaysHowManyItLeftOut() throws Exception {
        var sinch = new SignedCallbacks(base.toURI());
        String body = recipientReport(newBatchId(), "46701234567", "Delivered", 0, "2026-01-02T03:04:05.678Z");
        var headers = new HashMap<>(signedHeaders(body, UUID.randomUUID().toString(), Instant.now()));
        headers.put("x-sinch-webhook-signature", "forged");
        waitOutTheRefusalLogInterval();
        long logEnd = ServerLog.end();
        long started = System.nanoTime();
        int forgeries = 200;
        for (int i = 0; i < forgeries; i++) {
            assertEquals(401, sinch.post(body, headers).statusCode());
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        waitOutTheRefusalLogInterval();
        assertEquals(401, sinch.post(body, headers).statusCode());
        var refusals = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> ServerLog.linesSince(logEnd).stream()
                                .filter(line -> line.contains("Refused a callback"))
                                .toList(),
                        lines -> lines.size() >= 2);
        assertTrue(
                refusals.size() <= seconds + 2,
                forgeries + " forgeries in " + seconds + " s wrote " + refusals.size() + " lines");
        long leftOut = refusals.stream()
                .map(LEFT_OUT::matcher)
                .filter(Matcher::find)
                .mapToLong(matcher -> Long.parseLong(matcher.group(1)))
                .sum();
        assertEquals(forgeries + 1, refusals.size() + leftOut, "each refusal is a line or counted in one: " + refusals);
    }

    /** The refusal log writes a line a second for each failed check: wait until one may be written. */
    private static void waitOutTheRefusalLogInterval() throws InterruptedException {
        Thread.sleep(1100);
    }

    @Test
    void logsNoSecretSignatureOrPhoneNumber() throws Exception {
        var sinch = new SignedCallbacks(base.toURI());
        long logEnd = ServerLog.end();
        String number = "46709876543";
        String batchId = newBatchId();
        String report = recipientReport(batchId, number, "Delivered", 0, "2026-01-02T03:04:05.678Z");
        var signed = signedHeaders(report, UUID.randomUUID().toString(), Instant.now());
        assertEquals(200, sinch.post(report, signed).statusCode());
        var forged = new HashMap<>(signed);
        forged.put("x-sinch-webhook-signature-nonce", UUID.randomUUID().toString());
        assertEquals(401, sinch.post(report, forged).statusCode());
        assertEquals(
                400,
                sinch.post("{\"type\": \"mo_text\", \"from\": \"" + number + "\"}")
                        .statusCode());
        MessagesApi.send(base, TestUsers.SENDER, "{\"to\":[\"+" + number + "\"],\"body\":\"a private text\"}");
        MessagesApi.send(
                base, TestUsers.SENDER, "{\"to\":[\"+" + number + "\"],\"body\":\"x\",\"from\":\"not a sender\"}");
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        sinch.getJson("api/status-events?batchId=" + batchId).getInt("total") == 1);

        List<String> lines = ServerLog.linesSince(logEnd);
        assertTrue(lines.size() > 0, "the traffic was logged at all");
        for (String line : lines) {
            if (line.contains(" DEBUG ") || line.contains(" TRACE ")) {
                continue;
            }
            assertTrue(!line.contains(number), "a phone number in the log: " + line);
            assertTrue(!line.contains(SignedCallbacks.SECRET), "the webhook secret in the log: " + line);
            assertTrue(!line.contains(signed.get("x-sinch-webhook-signature")), "a signature in the log: " + line);
            assertTrue(!line.contains("a private text"), "a message body in the log: " + line);
        }
    }
}
