package dev.smstrack.sending;

import dev.smstrack.sending.api.InvalidSendRequestException;
import dev.smstrack.sending.api.SendRequest;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
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
                text(request, "deliveryReport"));
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
