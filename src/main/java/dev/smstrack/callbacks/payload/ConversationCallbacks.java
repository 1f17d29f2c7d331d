package dev.smstrack.callbacks.payload;

import static dev.smstrack.callbacks.payload.JsonFields.optionalInstant;
import static dev.smstrack.callbacks.payload.JsonFields.optionalText;
import static dev.smstrack.callbacks.payload.JsonFields.text;

import dev.smstrack.platform.Digests;
import dev.smstrack.platform.PhoneNumbers;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Set;

/**
 * Conversation API callbacks: an envelope (app, project, times, correlation id) around exactly one
 * notification, whose name is its type. Delivery reports and inbound messages are read; any other
 * notification is kept as it came.
 */
final class ConversationCallbacks {

    /** Conversation channels whose identities are phone numbers. */
    private static final Set<String> PHONE_CHANNELS = Set.of("SMS", "MMS", "WHATSAPP", "RCS");

    private static final Set<String> ENVELOPE =
            Set.of("app_id", "project_id", "accepted_time", "event_time", "correlation_id", "message_metadata");

    static final String MESSAGE_REPORT = "message_delivery_report";
    static final String EVENT_REPORT = "event_delivery_report";
    static final String INBOUND = "message";

    /** The notifications read into records of their own, as {@link Callback#type} names them. */
    static final Set<String> READ_TYPES = Set.of(MESSAGE_REPORT, EVENT_REPORT, INBOUND);

    private ConversationCallbacks() {}

    static Callback parse(JsonObject json, byte[] rawBody) {
        String correlationId = optionalText(json, "correlation_id");
        if (json.get(MESSAGE_REPORT) instanceof JsonObject report) {
            return conversationReport(MESSAGE_REPORT, text(report, "message_id"), report, json);
        }
        if (json.get(EVENT_REPORT) instanceof JsonObject report) {
            return conversationReport(EVENT_REPORT, text(report, "event_id"), report, json);
        }
        if (json.get(INBOUND) instanceof JsonObject message) {
            JsonObject identity = identity(message);
            JsonValue content = message.get("contact_message");
            String body = content instanceof JsonObject contact
                            && contact.get("text_message") instanceof JsonObject textMessage
                    ? optionalText(textMessage, "text")
                    : content == null ? null : content.toString();
            return new ConversationInbound(
                    text(message, "id"),
                    optionalText(identity, "channel"),
                    senderOf(identity),
                    optionalText(json, "app_id"),
                    body,
                    correlationId,
                    timeOf(json, message));
        }
        String notification = json.keySet().stream()
                .filter(key -> !ENVELOPE.contains(key))
                .findFirst()
                .orElse(null);
        if (notification == null || json.keySet().stream().noneMatch(ENVELOPE::contains)) {
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

    /** Who sent an inbound message: every one is stored with its sender. */
    private static String senderOf(JsonObject identity) {
        String sender = identityOf(identity);
        if (sender == null) {
            throw new MalformedCallbackException("missing required field message.channel_identity.identity");
        }
        return sender;
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
}
