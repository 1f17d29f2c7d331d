package dev.smstrack.sending;

import dev.smstrack.sending.api.SendOptions;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * A batch to send, as the product asks for it; {@link #json()} is Sinch's request body ({@code POST
 * /xms/v1/{plan}/batches}, and its dry run), field names as Sinch writes them.
 */
public record BatchRequest(
        List<String> to,
        String from,
        String body,
        String deliveryReport,
        String clientReference,
        Optional<String> callbackUrl,
        SendOptions options) {

    /** Sinch's form of a time: ISO-8601 in UTC with milliseconds. */
    private static final DateTimeFormatter SINCH_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    JsonObject json() {
        var recipients = Json.createArrayBuilder();
        to.forEach(recipients::add);
        var batch = Json.createObjectBuilder()
                .add("to", recipients)
                .add("from", from)
                .add("body", body)
                .add("delivery_report", deliveryReport);
        if (clientReference != null) {
            batch.add("client_reference", clientReference);
        }
        callbackUrl.ifPresent(url -> batch.add("callback_url", url));
        if (options.sendAt() != null) {
            batch.add("send_at", time(options.sendAt()));
        }
        if (options.expireAt() != null) {
            batch.add("expire_at", time(options.expireAt()));
        }
        if (!options.parameters().isEmpty()) {
            batch.add("parameters", ParameterJson.json(options.parameters()));
        }
        if (options.flash()) {
            batch.add("flash_message", true);
        }
        if (options.maxParts() != null) {
            batch.add("max_number_of_message_parts", options.maxParts());
        }
        if (options.feedbackEnabled()) {
            batch.add("feedback_enabled", true);
        }
        return batch.build();
    }

    static String time(Instant at) {
        return SINCH_TIME.format(at);
    }
}
