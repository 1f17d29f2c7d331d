package dev.smstrack.callbacks.payload;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Reads fields of callback JSON with Sinch's leniencies (codes as strings, times without an offset)
 * and a {@link MalformedCallbackException} naming the field when a required one is missing or wrong.
 */
final class JsonFields {

    /** Json.createReader looks the provider up on every call; a factory looks it up once. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private JsonFields() {}

    static JsonObject object(byte[] rawBody) {
        try (var reader = READERS.createReader(new ByteArrayInputStream(rawBody))) {
            JsonValue value = reader.readValue();
            if (!(value instanceof JsonObject json)) {
                throw new MalformedCallbackException("the body is JSON but not an object");
            }
            return json;
        } catch (JsonException | IllegalStateException e) {
            throw new MalformedCallbackException("the body is not valid JSON");
        } catch (NumberFormatException | ArithmeticException e) {
            throw new MalformedCallbackException(
                    UnreadableNumbers.pathIn(rawBody) + " holds a number that cannot be read");
        }
    }

    static String text(JsonObject json, String field) {
        String value = optionalText(json, field);
        if (value == null || value.isBlank()) {
            throw new MalformedCallbackException("missing required field " + field);
        }
        return value;
    }

    static String optionalText(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonNumber number) {
            return number.toString();
        }
        throw new MalformedCallbackException("field " + field + " must be text");
    }

    static JsonArray array(JsonObject json, String field) {
        if (!(json.get(field) instanceof JsonArray array)) {
            throw new MalformedCallbackException("missing required array " + field);
        }
        return array;
    }

    /** An integer that only informs: anything else is as if it were absent, never a refusal. */
    static Integer informativeWhole(JsonObject json, String field) {
        try {
            return code(json, field);
        } catch (MalformedCallbackException notAWholeNumber) {
            return null;
        }
    }

    /** Codes are integers; some older senders write them as strings. */
    static Integer code(JsonObject json, String field) {
        JsonValue value = json.get(field);
        try {
            if (value instanceof JsonNumber number) {
                return number.intValueExact();
            }
            if (value instanceof JsonString string) {
                return Integer.valueOf(string.getString().strip());
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw new MalformedCallbackException("field " + field + " must be an integer");
        }
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        throw new MalformedCallbackException("field " + field + " must be an integer");
    }

    static Instant instant(JsonObject json, String field) {
        Instant at = optionalInstant(json, field);
        if (at == null) {
            throw new MalformedCallbackException("missing required field " + field);
        }
        return at;
    }

    /** ISO-8601 with an offset; a time without one is taken as UTC. */
    static Instant optionalInstant(JsonObject json, String field) {
        String text = optionalText(json, field);
        if (text == null || text.isBlank()) {
            return null;
        }
        return FieldLimits.inRange(field, parse(field, text));
    }

    private static Instant parse(String field, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new MalformedCallbackException("field " + field + " is not an ISO-8601 date-time: "
                        + FieldLimits.cut(FieldLimits.QUOTED, text));
            }
        }
    }
}
