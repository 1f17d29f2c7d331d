package dev.smstrack.callbacks;

import java.time.Instant;

/**
 * A callback as it travels through the queue: the raw bytes Sinch sent, the verified nonce (null
 * without signing), when it arrived, and why it was rejected if it could not be read.
 */
public record QueuedCallback(byte[] rawBody, String nonce, Instant receivedAt, String problem) {

    /** The dedup key of a callback known only by its bytes. */
    public String rawDigest() {
        return Digests.sha256(rawBody);
    }
}
