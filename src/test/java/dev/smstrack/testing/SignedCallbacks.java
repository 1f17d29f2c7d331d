package dev.smstrack.testing;

import dev.smstrack.callbacks.WebhookSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Posts callbacks to a running server the way Sinch does, signed with the test secret. */
public final class SignedCallbacks {

    public static final String SECRET = System.getProperty("it.webhook.secret");

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;

    public SignedCallbacks(URI base) {
        this.endpoint = base.resolve("api/sinch/callbacks");
    }

    public HttpResponse<String> post(String body) throws Exception {
        String nonce = UUID.randomUUID().toString();
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String signature = WebhookSignature.sign(SECRET, body.getBytes(StandardCharsets.UTF_8), nonce, timestamp);
        return post(body, signature, "HmacSHA256", nonce, timestamp);
    }

    /** Posts with exactly the given signature headers; a null value leaves that header out. */
    public HttpResponse<String> post(String body, String signature, String algorithm, String nonce, String timestamp)
            throws Exception {
        var request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        header(request, "x-sinch-webhook-signature", signature);
        header(request, "x-sinch-webhook-signature-algorithm", algorithm);
        header(request, "x-sinch-webhook-signature-nonce", nonce);
        header(request, "x-sinch-webhook-signature-timestamp", timestamp);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(
                HttpRequest.newBuilder(endpoint.resolve("/" + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A recipient delivery report for a new batch, shaped like the reference's worked example. */
    public static String recipientReport(String batchId, String status, int code, String at) {
        return "{\"type\":\"recipient_delivery_report_sms\",\"batch_id\":\"" + batchId
                + "\",\"recipient\":\"46701234567\",\"code\":" + code + ",\"status\":\"" + status
                + "\",\"at\":\"" + at + "\",\"client_reference\":\"" + UUID.randomUUID() + "\"}";
    }

    private static void header(HttpRequest.Builder request, String name, String value) {
        if (value != null) {
            request.header(name, value);
        }
    }
}
