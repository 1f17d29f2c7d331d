package dev.smstrack.sending;

import dev.smstrack.sending.api.InvalidSendRequestException;
import dev.smstrack.sending.api.SendOptions;
import dev.smstrack.sending.api.SendRequest;
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
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON body of POST /api/messages strictly: broken JSON, another shape than an object, or
 * a field of the wrong type is an {@link InvalidSendRequestException} that names it, where a binding
 * would answer 500 or quietly turn a number into a sender.
 */
final class SendRequestJson {

    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private SendRequestJson() {}

    static SendRequest read(byte[] body) throws InvalidSendRequestException {
        if (body.length == 0) {
            throw new InvalidSendRequestException("request", "is missing: send a JSON object");
        }
        JsonValue value;
        try (var reader = READERS.createReader(new ByteArrayInputStream(body))) {
            value = reader.readValue();
        } catch (JsonException | IllegalStateException | NumberFormatException | ArithmeticException e) {
            throw new InvalidSendRequestException("request", "is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (!(value instanceof JsonObject request)) {
            throw new InvalidSendRequestException("request", "must be a JSON object, not " + kindOf(value));
        }
        return new SendRequest(
                recipients(request),
                text(request, "body"),
                text(request, "from"),
                text(request, "clientReference"),
                text(request, "deliveryReport"),
                options(request));
    }

    private static SendOptions options(JsonObject request) throws InvalidSendRequestException {
        return new SendOptions(
                instant(request, "sendAt"),
                instant(request, "expireAt"),
                parameters(request),
                Boolean.TRUE.equals(flag(request, "flash")),
                whole(request, "maxParts"),
                Boolean.TRUE.equals(flag(request, "feedbackEnabled")));
    }

    private static Instant instant(JsonObject request, String field) throws InvalidSendRequestException {
        String text = text(request, field);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidSendRequestException(
                    field, "must be an ISO-8601 time with its offset, like 2026-12-24T18:00:00Z, not " + text);
        }
    }

    private static Boolean flag(JsonObject request, String field) throws InvalidSendRequestException {
        JsonValue value = request.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw new InvalidSendRequestException(field, "must be true or false, not " + kindOf(value));
        }
        return value == JsonValue.TRUE;
    }

    private static Integer whole(JsonObject request, String field) throws InvalidSendRequestException {
        JsonValue value = request.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw new InvalidSendRequestException(field, "must be a whole number, not " + kindOf(value));
        }
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidSendRequestException(field, "is too large");
        }
    }

    /** {@code {"name": {"+46…": "value", "default": "…"}}}: texts only, as Sinch takes them. */
    private static Map<String, Map<String, String>> parameters(JsonObject request) throws InvalidSendRequestException {
        JsonValue value = request.get("parameters");
        if (value == null || value == JsonValue.NULL) {
            return Map.of();
        }
        if (!(value instanceof JsonObject all)) {
            throw new InvalidSendRequestException("parameters", "must be an object of names, not " + kindOf(value));
        }
        Map<String, Map<String, String>> parameters = new LinkedHashMap<>();
        for (var parameter : all.entrySet()) {
            String field = "parameters." + parameter.getKey();
            if (!(parameter.getValue() instanceof JsonObject values)) {
                throw new InvalidSendRequestException(
                        field, "must be an object of values by recipient, not " + kindOf(parameter.getValue()));
            }
            Map<String, String> byRecipient = new LinkedHashMap<>();
            for (var entry : values.entrySet()) {
                if (!(entry.getValue() instanceof JsonString text)) {
                    throw new InvalidSendRequestException(
                            field, "values must be strings, not " + kindOf(entry.getValue()));
                }
                byRecipient.put(entry.getKey(), text.getString());
            }
            parameters.put(parameter.getKey(), byRecipient);
        }
        return parameters;
    }

    private static List<String> recipients(JsonObject request) throws InvalidSendRequestException {
        JsonValue to = request.get("to");
        if (to == null || to == JsonValue.NULL) {
            return null;
        }
        if (!(to instanceof JsonArray numbers)) {
            throw new InvalidSendRequestException("to", "must be a list of numbers as strings, not " + kindOf(to));
        }
        List<String> recipients = new ArrayList<>();
        for (JsonValue number : numbers) {
            if (!(number instanceof JsonString string)) {
                throw new InvalidSendRequestException(
                        "to", "must hold numbers as strings like \"+46701234567\", not " + kindOf(number));
            }
            recipients.add(string.getString());
        }
        return recipients;
    }

    private static String text(JsonObject request, String field) throws InvalidSendRequestException {
        JsonValue value = request.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw new InvalidSendRequestException(field, "must be a string, not " + kindOf(value));
        }
        return string.getString();
    }

    private static String kindOf(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "a list";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
        };
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    }
}
