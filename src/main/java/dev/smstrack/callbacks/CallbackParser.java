package dev.smstrack.callbacks;

import dev.smstrack.platform.PhoneNumbers;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads Sinch's callback JSON into {@link Callback}s. Unknown fields are ignored; unknown types,
 * statuses and codes are kept; a missing required field or broken JSON is a {@link
 * MalformedCallbackException} that says what is wrong.
 */
public final class CallbackParser {

    private static final Set<String> RECIPIENT_REPORTS =
            Set.of("recipient_delivery_report_sms", "recipient_delivery_report_mms");
    private static final Set<String> BATCH_REPORTS = Set.of("delivery_report_sms", "delivery_report_mms");
    private static final Set<String> INBOUND_SMS = Set.of("mo_text", "mo_binary", "mo_media");
    /** Conversation channels whose identities are phone numbers. */
    private static final Set<String> PHONE_CHANNELS = Set.of("SMS", "MMS", "WHATSAPP", "RCS");

    private static final Set<String> CONVERSATION_ENVELOPE =
            Set.of("app_id", "project_id", "accepted_time", "event_time", "correlation_id", "message_metadata");

    private CallbackParser() {}

    public static Callback parse(byte[] rawBody) {
        JsonObject json = object(rawBody);
        if (json.containsKey("type")) {
            String type = text(json, "type");
            if (RECIPIENT_REPORTS.contains(type)) {
                return recipientReport(type, json);
            }
            if (BATCH_REPORTS.contains(type)) {
                return batchReport(type, json, rawBody);
            }
            if (INBOUND_SMS.contains(type)) {
                return inboundSms(type, json);
            }
            return new UnhandledCallback(type, Digests.sha256(rawBody));
        }
        return conversation(json, rawBody);
    }

    private static RecipientDeliveryReport recipientReport(String type, JsonObject json) {
        return new RecipientDeliveryReport(
                type,
                text(json, "batch_id"),
                PhoneNumbers.e164(text(json, "recipient")),
                text(json, "status"),
                code(json, "code"),
                instant(json, "at"),
                optionalText(json, "client_reference"),
                optionalText(json, "status_message"));
    }

    private static BatchDeliveryReport batchReport(String type, JsonObject json, byte[] rawBody) {
        List<BatchDeliveryReport.StatusCount> statuses = new ArrayList<>();
        for (JsonValue entry : array(json, "statuses")) {
            if (!(entry instanceof JsonObject status)) {
                throw new MalformedCallbackException("statuses must hold objects");
            }
            List<String> recipients = new ArrayList<>();
            if (status.get("recipients") instanceof JsonArray listed) {
                for (JsonValue recipient : listed) {
                    if (!(recipient instanceof JsonString number)) {
                        throw new MalformedCallbackException("statuses[].recipients must hold strings");
                    }
                    recipients.add(PhoneNumbers.e164(number.getString()));
                }
            }
            statuses.add(new BatchDeliveryReport.StatusCount(
                    text(status, "status"), code(status, "code"), code(status, "count"), List.copyOf(recipients)));
        }
        return new BatchDeliveryReport(
                type,
                text(json, "batch_id"),
                optionalText(json, "client_reference"),
                List.copyOf(statuses),
                Digests.sha256(rawBody));
    }

    private static InboundSms inboundSms(String type, JsonObject json) {
        JsonValue body = json.get("body");
        String bodyText =
                body instanceof JsonString string ? string.getString() : body == null ? null : body.toString();
        return new InboundSms(
                type,
                text(json, "id"),
                PhoneNumbers.e164(text(json, "from")),
                PhoneNumbers.e164(optionalText(json, "to")),
                bodyText,
                optionalText(json, "client_reference"),
                optionalInstant(json, "sent_at"),
                optionalInstant(json, "received_at"));
    }

    private static Callback conversation(JsonObject json, byte[] rawBody) {
        String correlationId = optionalText(json, "correlation_id");
        if (json.get("message_delivery_report") instanceof JsonObject report) {
            return conversationReport("message_delivery_report", text(report, "message_id"), report, json);
        }
        if (json.get("event_delivery_report") instanceof JsonObject report) {
            return conversationReport("event_delivery_report", text(report, "event_id"), report, json);
        }
        if (json.get("message") instanceof JsonObject message) {
            JsonObject identity = identity(message);
            JsonValue content = message.get("contact_message");
            String body = content instanceof JsonObject contact
                            && contact.get("text_message") instanceof JsonObject textMessage
                    ? optionalText(textMessage, "text")
                    : content == null ? null : content.toString();
            return new ConversationInbound(
                    text(message, "id"),
                    optionalText(identity, "channel"),
                    identityOf(identity),
                    optionalText(json, "app_id"),
                    body,
                    correlationId,
                    timeOf(json, message));
        }
        String notification = json.keySet().stream()
                .filter(key -> !CONVERSATION_ENVELOPE.contains(key))
                .findFirst()
                .orElse(null);
        if (notification == null || json.keySet().stream().noneMatch(CONVERSATION_ENVELOPE::contains)) {
            throw new MalformedCallbackException(
                    "neither an SMS callback (no type field) nor a Conversation API callback");
        }
        return new UnhandledCallback(notification, Digests.sha256(rawBody));
    }

    private static ConversationDeliveryReport conversationReport(
            String type, String id, JsonObject report, JsonObject envelope) {
        JsonObject identity = identity(report);
        String reason = report.get("reason") instanceof JsonObject why ? optionalText(why, "code") : null;
        return new ConversationDeliveryReport(
                type,
                id,
                text(report, "status"),
                optionalText(identity, "channel"),
                identityOf(identity),
                reason,
                optionalText(envelope, "correlation_id"),
                timeOf(envelope, report));
    }

    private static JsonObject identity(JsonObject holder) {
        return holder.get("channel_identity") instanceof JsonObject identity ? identity : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static String identityOf(JsonObject identity) {
        String value = optionalText(identity, "identity");
        String channel = optionalText(identity, "channel");
        return channel != null && PHONE_CHANNELS.contains(channel) ? PhoneNumbers.e164(value) : value;
    }

    /** When Sinch says the event happened, falling back to when it accepted it. */
    private static Instant timeOf(JsonObject envelope, JsonObject event) {
        Instant at = optionalInstant(envelope, "event_time");
        if (at == null) {
            at = optionalInstant(envelope, "accepted_time");
        }
        if (at == null) {
            at = optionalInstant(event, "accept_time");
        }
        if (at == null) {
            throw new MalformedCallbackException("missing event_time");
        }
        return at;
    }

    private static JsonObject object(byte[] rawBody) {
        try (var reader = Json.createReader(new ByteArrayInputStream(rawBody))) {
            JsonValue value = reader.readValue();
            if (!(value instanceof JsonObject json)) {
                throw new MalformedCallbackException("the body is JSON but not an object");
            }
            return json;
        } catch (JsonException | IllegalStateException e) {
            throw new MalformedCallbackException("the body is not valid JSON");
        }
    }

    private static String text(JsonObject json, String field) {
        String value = optionalText(json, field);
        if (value == null || value.isBlank()) {
            throw new MalformedCallbackException("missing required field " + field);
        }
        return value;
    }

    private static String optionalText(JsonObject json, String field) {
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

    private static JsonArray array(JsonObject json, String field) {
        if (!(json.get(field) instanceof JsonArray array)) {
            throw new MalformedCallbackException("missing required array " + field);
        }
        return array;
    }

    /** Codes are integers; some older senders write them as strings. */
    private static Integer code(JsonObject json, String field) {
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

    private static Instant instant(JsonObject json, String field) {
        Instant at = optionalInstant(json, field);
        if (at == null) {
            throw new MalformedCallbackException("missing required field " + field);
        }
        return at;
    }

    /** ISO-8601 with an offset; a time without one is taken as UTC. */
    private static Instant optionalInstant(JsonObject json, String field) {
        String text = optionalText(json, field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new MalformedCallbackException("field " + field + " is not an ISO-8601 date-time: " + text);
            }
        }
    }
}
