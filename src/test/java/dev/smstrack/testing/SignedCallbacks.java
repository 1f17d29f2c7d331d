package dev.smstrack.testing;

import dev.smstrack.callbacks.authentication.WebhookSignature;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Calls a running server the way Sinch does: signed with the test secret, with Sinch's Basic
 * credentials; and reads what it stored as an operator would.
 */
public final class SignedCallbacks {

    public static final String SECRET = System.getProperty("it.webhook.secret");
    public static final String BASIC = "Basic "
            + Base64.getEncoder()
                    .encodeToString(
                            ("sinch:" + System.getProperty("it.basic.password")).getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;

    public SignedCallbacks(URI base) {
        this.base = base;
    }

    /** Posts the body signed now, with a fresh nonce. */
    public HttpResponse<String> post(String body) throws Exception {
        return post(body, signedHeaders(body, UUID.randomUUID().toString(), Instant.now()));
    }

    /** The four signature headers and the Basic credentials for this body, nonce and time. */
    public static Map<String, String> signedHeaders(String body, String nonce, Instant at) {
        String timestamp = Long.toString(at.getEpochSecond());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", BASIC);
        headers.put(
                "x-sinch-webhook-signature",
                WebhookSignature.sign(SECRET, body.getBytes(StandardCharsets.UTF_8), nonce, timestamp));
        headers.put("x-sinch-webhook-signature-algorithm", "HmacSHA256");
        headers.put("x-sinch-webhook-signature-nonce", nonce);
        headers.put("x-sinch-webhook-signature-timestamp", timestamp);
        return headers;
    }

    /** Posts with exactly these headers (a null value leaves the header out), as JSON. */
    public HttpResponse<String> post(String body, Map<String, String> headers) throws Exception {
        return post(body, headers, "application/json");
    }

    public HttpResponse<String> post(String body, Map<String, String> headers, String contentType) throws Exception {
        var request = HttpRequest.newBuilder(base.resolve("api/sinch/callbacks"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach((name, value) -> {
            if (value != null) {
                request.header(name, value);
            }
        });
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs from the read API as a user with every role. */
    public HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(
                HttpRequest.newBuilder(base.resolve(pathAndQuery))
                        .header("Authorization", TestUsers.OPS.basic())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** GETs JSON from the read API and fails unless it answers 200. */
    public JsonObject getJson(String pathAndQuery) throws Exception {
        var answer = get(pathAndQuery);
        if (answer.statusCode() != 200) {
            throw new AssertionError(pathAndQuery + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return Json.createReader(new StringReader(answer.body())).readObject();
    }

    /** A recipient delivery report shaped like the reference's worked example. */
    public static String recipientReport(String batchId, String recipient, String status, int code, String at) {
        return "{\"type\":\"recipient_delivery_report_sms\",\"batch_id\":\"" + batchId + "\",\"recipient\":\""
                + recipient + "\",\"code\":" + code + ",\"status\":\"" + status + "\",\"at\":\"" + at + "\"}";
    }

    public static String newBatchId() {
        return "IT" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
    }
}
