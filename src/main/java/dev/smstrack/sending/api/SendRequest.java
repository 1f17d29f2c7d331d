package dev.smstrack.sending.api;

import java.io.Serializable;
import java.util.List;

/**
 * An SMS to send.
 *
 * @param to recipients in E.164, 1 to 1000
 * @param body the text, at most 2000 characters
 * @param from the sender; the configured default when null
 * @param clientReference the caller's idempotency key (at most 128 characters); may be null
 * @param deliveryReport Sinch's delivery report kind; the configured default when null
 * @param options scheduling, expiry, parameters and the rest; {@link SendOptions#NONE} when null
 */
public record SendRequest(
        List<String> to, String body, String from, String clientReference, String deliveryReport, SendOptions options)
        implements Serializable {

    public SendRequest {
        // Null also when a caller built with an older client jar, whose requests carry no options.
        options = options == null ? SendOptions.NONE : options;
    }

    /** A request sent at once with Sinch's defaults, as before options existed. */
    public SendRequest(List<String> to, String body, String from, String clientReference, String deliveryReport) {
        this(to, body, from, clientReference, deliveryReport, SendOptions.NONE);
    }

    public SendRequest withOptions(SendOptions chosen) {
        return new SendRequest(to, body, from, clientReference, deliveryReport, chosen);
    }

    public SendRequest withClientReference(String reference) {
        return new SendRequest(to, body, from, reference, deliveryReport, options);
    }
}
