package dev.smstrack.callbacks;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The parts of a callback request that its signature covers, as they arrived. */
public record SignedRequest(byte[] body, String signature, String algorithm, String nonce, String timestamp) {

    /** rawBody + "." + nonce + "." + timestamp, byte for byte. */
    byte[] signedContent() {
        var content = new ByteArrayOutputStream(body.length + 64);
        content.writeBytes(body);
        content.writeBytes(("." + nonce + "." + timestamp).getBytes(StandardCharsets.UTF_8));
        return content.toByteArray();
    }
}
