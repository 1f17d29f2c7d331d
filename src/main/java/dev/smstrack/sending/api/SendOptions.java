package dev.smstrack.sending.api;

import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How Sinch is to send a request, beyond its recipients and text; {@link #NONE} sends at once with
 * Sinch's defaults. Build with the {@code with…} methods: {@code SendOptions.NONE.withSendAt(t)}.
 *
 * @param sendAt when Sinch is to send it (Sinch holds it until then); null: at once
 * @param expireAt when Sinch stops trying; after {@code sendAt}, at most 3 days after it; null: 3 days
 * @param parameters per-recipient values for {@code ${name}} placeholders in the body: for each name,
 *     values by recipient (E.164) and a {@code "default"} for the others; empty: none
 * @param flash shown on the handset's screen and not kept in its inbox
 * @param maxParts sent only if it fits in this many parts; null: no cap
 * @param feedbackEnabled the sender will report conversions (delivery feedback) for its messages
 */
public record SendOptions(
        Instant sendAt,
        Instant expireAt,
        Map<String, Map<String, String>> parameters,
        boolean flash,
        Integer maxParts,
        boolean feedbackEnabled)
        implements Serializable {

    /** Sent at once, with Sinch's defaults. */
    public static final SendOptions NONE = new SendOptions(null, null, Map.of(), false, null, false);

    public SendOptions {
        parameters = parameters == null ? Map.of() : copy(parameters);
        // Sinch's times, and the stored ones, are to the millisecond.
        sendAt = sendAt == null ? null : sendAt.truncatedTo(ChronoUnit.MILLIS);
        expireAt = expireAt == null ? null : expireAt.truncatedTo(ChronoUnit.MILLIS);
    }

    public SendOptions withSendAt(Instant at) {
        return new SendOptions(at, expireAt, parameters, flash, maxParts, feedbackEnabled);
    }

    public SendOptions withExpireAt(Instant at) {
        return new SendOptions(sendAt, at, parameters, flash, maxParts, feedbackEnabled);
    }

    public SendOptions withParameters(Map<String, Map<String, String>> values) {
        return new SendOptions(sendAt, expireAt, values, flash, maxParts, feedbackEnabled);
    }

    public SendOptions withFlash(boolean shownOnly) {
        return new SendOptions(sendAt, expireAt, parameters, shownOnly, maxParts, feedbackEnabled);
    }

    public SendOptions withMaxParts(Integer most) {
        return new SendOptions(sendAt, expireAt, parameters, flash, most, feedbackEnabled);
    }

    public SendOptions withFeedbackEnabled(boolean enabled) {
        return new SendOptions(sendAt, expireAt, parameters, flash, maxParts, enabled);
    }

    /** Serializable, ordered and unmodifiable however the caller built it (nulls are kept for validation to name). */
    private static Map<String, Map<String, String>> copy(Map<String, Map<String, String>> parameters) {
        var copied = new LinkedHashMap<String, Map<String, String>>();
        parameters.forEach((name, values) -> copied.put(
                name, values == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values))));
        return java.util.Collections.unmodifiableMap(copied);
    }
}
