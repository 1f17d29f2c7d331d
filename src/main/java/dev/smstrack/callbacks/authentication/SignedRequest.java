package dev.smstrack.callbacks.authentication;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The parts of a callback request that its signature covers, as they arrived. */
public record SignedRequest(byte[] body, String signature, String algorithm, String nonce, String timestamp) {

    /** The same headers with the body that arrived after they were checked. */
    SignedRequest withBody(byte[] arrived) {
        return new SignedRequest(arrived, signature, algorithm, nonce, timestamp);
    }

    /** When Sinch signed it; only for a request whose headers passed the check. */
    Instant signedAt() {
        return Instant.ofEpochSecond(Long.parseLong(timestamp));
    }

    /** rawBody + "." + nonce + "." + timestamp, byte for byte. */
    byte[] signedContent() {
        var content = new ByteArrayOutputStream(body.length + 64);
        content.writeBytes(body);
        content.writeBytes(("." + nonce + "." + timestamp).getBytes(StandardCharsets.UTF_8));
        return content.toByteArray();
    }
}
