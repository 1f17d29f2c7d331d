package dev.smstrack.callbacks;

import dev.smstrack.callbacks.authentication.VerifiedNonce;
import dev.smstrack.callbacks.payload.Callback;
import dev.smstrack.callbacks.payload.CallbackParser;
import dev.smstrack.callbacks.payload.MalformedCallbackException;
import java.time.Instant;

/**
 * What intake makes of an authentic body before it answers: the callback to queue, with the
 * problem that makes it unreadable (answered 400, kept all the same) or none.
 */
public record AdmittedCallback(QueuedCallback callback) {

    /** The type of a callback that cannot be read, as it is kept. */
    public static final String UNREADABLE = "unreadable";

    public static AdmittedCallback of(byte[] rawBody, VerifiedNonce nonce, Instant receivedAt) {
        try {
            Callback callback = CallbackParser.read(rawBody);
            return new AdmittedCallback(
                    QueuedCallback.received(rawBody, nonce, receivedAt, null, callback.type(), callback.batchId()));
        } catch (MalformedCallbackException e) {
            return new AdmittedCallback(
                    QueuedCallback.received(rawBody, nonce, receivedAt, e.getMessage(), UNREADABLE, null));
        }
    }

    /** Why the callback cannot be read, or null. */
    public String problem() {
        return callback.problem();
    }
}
