package dev.smstrack.processing;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** A recipient_delivery_report_sms|mms callback: the status of one recipient of a batch. */
public record RecipientDeliveryReport(
        String batchId, String recipient, String status, Integer code, Instant at, String clientReference) {

    static final Set<String> TYPES = Set.of("recipient_delivery_report_sms", "recipient_delivery_report_mms");

    static boolean isOne(JsonObject callback) {
        return TYPES.contains(callback.getString("type", ""));
    }

    /** Reads the report; unknown fields are ignored, a missing required field is an error. */
    static RecipientDeliveryReport of(JsonObject callback) {
        return new RecipientDeliveryReport(
                required(callback, "batch_id"),
                required(callback, "recipient"),
                required(callback, "status"),
                code(callback.get("code")),
                instant(required(callback, "at")),
                callback.getString("client_reference", null));
    }

    private static String required(JsonObject callback, String field) {
        if (!(callback.get(field) instanceof JsonString value)) {
            throw new MalformedCallbackException("missing or non-text field " + field);
        }
        return value.getString();
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedCallbackException("at is not an ISO-8601 date-time: " + text);
        }
    }

    /** Sinch sends the code as a number; some older senders write it as a string. */
    private static Integer code(JsonValue value) {
        if (value instanceof JsonNumber number) {
            return number.intValueExact();
        }
        if (value instanceof JsonString text) {
            try {
                return Integer.valueOf(text.getString().strip());
            } catch (NumberFormatException e) {
                throw new MalformedCallbackException("code is not a number: " + text.getString());
            }
        }
        return null;
    }
}
