package dev.smstrack.bench;

import dev.smstrack.callbacks.authentication.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** A recipient delivery report with its own batch id, signed as Sinch signs: the benchmarks' load. */
record SignedCallback(String body, String nonce, String timestamp, String signature) {

    static SignedCallback of(String batchId, String secret) {
        String body = "{\"type\":\"recipient_delivery_report_sms\",\"batch_id\":\"" + batchId
                + "\",\"recipient\":\"46701234567\",\"code\":0,\"status\":\"Delivered\",\"at\":\""
                + Instant.now() + "\"}";
        if (secret == null) {
            return new SignedCallback(body, null, null, null);
        }
        String nonce = batchId + "-" + System.nanoTime();
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String signature = WebhookSignature.sign(secret, body.getBytes(StandardCharsets.UTF_8), nonce, timestamp);
        return new SignedCallback(body, nonce, timestamp, signature);
    }
}
