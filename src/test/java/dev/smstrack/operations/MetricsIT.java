package dev.smstrack.operations;

import static dev.smstrack.testing.MetricsScrape.METRICS;
import static dev.smstrack.testing.MetricsScrape.MONITOR;
import static dev.smstrack.testing.SignedCallbacks.newBatchId;
import static dev.smstrack.testing.SignedCallbacks.recipientReport;
import static dev.smstrack.testing.SignedCallbacks.signedHeaders;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smstrack.testing.Deployments;
import dev.smstrack.testing.MessagesApi;
import dev.smstrack.testing.MetricsScrape;
import dev.smstrack.testing.SignedCallbacks;
import dev.smstrack.testing.TestUsers;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Prometheus scrape of the management interface after known traffic: each meter moves by
 * exactly what was sent, and no label carries a phone number or an id.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MetricsIT {

    private static final Pattern LABEL_VALUE = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    /** What a phone number, a batch or message id, or a UUID looks like in a label. */
    private static final Pattern PERSONAL_OR_ID = Pattern.compile("\\+?\\d{7,}|[0-9A-Z]{20,}|[0-9a-f]{8}-[0-9a-f]{4}-");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void countsEachAnswerAndCommitOfKnownTraffic() throws Exception {
        var sinch = new SignedCallbacks(base.toURI());
        var before = scrape();

        String batchId = newBatchId();
        for (int report = 0; report < 3; report++) {
            String body = recipientReport(batchId, "4670123456" + report, "Delivered", 0, "2026-01-02T03:04:05.678Z");
            assertEquals(200, sinch.post(body).statusCode());
        }
        String forged = recipientReport(batchId, "46701234569", "Delivered", 0, "2026-01-02T03:04:05.678Z");
        var headers = new HashMap<>(signedHeaders(forged, UUID.randomUUID().toString(), Instant.now()));
        headers.put(
                "x-sinch-webhook-signature",
                "AAAA" + headers.get("x-sinch-webhook-signature").substring(4));
        assertEquals(401, sinch.post(forged, headers).statusCode());
        headers.remove("x-sinch-webhook-signature-nonce");
        headers.put("x-sinch-webhook-signature-nonce", null);
        assertEquals(401, sinch.post(forged, headers).statusCode());
        // Authentic but unreadable (no recipient), and unique: the digest of its body is its key.
        String unreadable = "{\"type\": \"recipient_delivery_report_sms\", \"batch_id\": \"" + batchId + "\"}";
        assertEquals(400, sinch.post(unreadable).statusCode());

        await().atMost(Duration.ofSeconds(30))
                .until(() -> scrape().minus(before, "sms_tracker_callbacks_processed_total", "") >= 4);
        var after = scrape();
        String delivery = "type=\"recipient_delivery_report_sms\"";
        assertEquals(3, after.minus(before, "sms_tracker_callbacks_received_total", delivery, "answer=\"accepted\""));
        assertEquals(1, after.minus(before, "sms_tracker_callbacks_received_total", "answer=\"malformed\""));
        assertEquals(2, after.minus(before, "sms_tracker_callbacks_received_total", "answer=\"unauthorized\""));
        assertEquals(1, after.minus(before, "sms_tracker_callbacks_refused_total", "check=\"signature\""));
        assertEquals(1, after.minus(before, "sms_tracker_callbacks_refused_total", "check=\"missing_header\""));
        assertEquals(3, after.minus(before, "sms_tracker_callbacks_processed_total", delivery, "outcome=\"applied\""));
        assertEquals(1, after.minus(before, "sms_tracker_callbacks_processed_total", "outcome=\"rejected\""));
        assertEquals(4, after.minus(before, "sms_tracker_callbacks_processing_seconds_count", ""));
        assertTrue(
                after.lines().anyMatch(line -> line.startsWith("sms_tracker_callbacks_processing_seconds_bucket")),
                "the processing time is a histogram");

        // The three reports are about no message: parked, as the next count (every 30 s) shows.
        await().atMost(Duration.ofSeconds(45))
                .until(() -> scrape().minus(before, "sms_tracker_reports_parked", "") >= 3);
        assertNoPersonalDataOrIds(scrape());
    }

    @Test
    void timesEachCallToSinchByOperationAndAnswer() throws Exception {
        var before = scrape();
        MessagesApi.send(base, TestUsers.SENDER, "{\"to\":[\"+46700000001\"],\"body\":\"metrics\"}");
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        scrape().minus(before, "sms_tracker_sinch_requests_seconds_count", "operation=\"create_batch\"")
                                >= 1);
        var after = scrape();
        assertTrue(
                after.lines()
                        .anyMatch(line -> line.startsWith("sms_tracker_sinch_requests_seconds_count")
                                && line.matches(".*answer=\"2\\d\\d\".*")),
                "the answer is the HTTP status:\n" + after.text());
        // Messages by status are counted every 30 s.
        await().atMost(Duration.ofSeconds(45))
                .until(() -> scrape().lines().anyMatch(line -> line.startsWith("sms_tracker_messages{status=")));
        assertNoPersonalDataOrIds(after);
    }

    @Test
    void showsNothingWithoutManagementCredentials() throws Exception {
        var anonymous = http.send(HttpRequest.newBuilder(METRICS).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
        var application = http.send(
                HttpRequest.newBuilder(METRICS)
                        .header("Authorization", TestUsers.OPS.basic())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, application.statusCode(), "an application user is no management user");
    }

    /**
     * Prometheus's user (group Monitor) scrapes and reads, but can change nothing and read no secret;
     * a management user outside that group still can, as before the switch to role-based access.
     */
    @Test
    void theScrapeUserAdministersNothingAndReadsNoSecret() throws Exception {
        String admin = "Basic "
                + Base64.getEncoder().encodeToString("it-admin:it-admin-password".getBytes(StandardCharsets.UTF_8));
        String readModel = "{\"operation\":\"read-attribute\",\"name\":\"server-state\"}";
        String resolveSecret =
                "{\"operation\":\"resolve-expression\",\"expression\":\"${env.SINCH_WEBHOOK_SECRETS:none}\"}";
        String readPassword = "{\"operation\":\"read-attribute\",\"address\":[{\"subsystem\":\"datasources\"},"
                + "{\"data-source\":\"SmsTrackerDS\"}],\"name\":\"password\"}";
        String property = "it-rbac-" + UUID.randomUUID();
        String addProperty =
                "{\"operation\":\"add\",\"address\":[{\"system-property\":\"" + property + "\"}],\"value\":\"x\"}";
        String removeProperty = "{\"operation\":\"remove\",\"address\":[{\"system-property\":\"" + property + "\"}]}";

        assertTrue(management(MONITOR, readModel).contains("\"success\""), "the scrape user logs in and reads");
        for (String refused : new String[] {resolveSecret, readPassword, addProperty}) {
            String answer = management(MONITOR, refused);
            assertTrue(answer.contains("Permission denied"), refused + " -> " + answer);
        }
        for (String allowed : new String[] {resolveSecret, readPassword, addProperty, removeProperty}) {
            String answer = management(admin, allowed);
            assertTrue(answer.contains("\"success\""), allowed + " -> " + answer);
        }
    }

    private String management(String authorization, String operation) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(METRICS.resolve("/management"))
                                .header("Authorization", authorization)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(operation))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static void assertNoPersonalDataOrIds(MetricsScrape scrape) {
        scrape.lines().filter(line -> line.startsWith("sms_tracker_")).forEach(line -> {
            var values = LABEL_VALUE.matcher(line);
            while (values.find()) {
                // le: a histogram's bucket bound, a number by design
                assertTrue(
                        values.group(1).equals("le")
                                || !PERSONAL_OR_ID.matcher(values.group(2)).find(),
                        "a label holds data: " + line);
            }
        });
    }

    private MetricsScrape scrape() throws Exception {
        return MetricsScrape.now(http);
    }
}
