package dev.smstrack.callbacks.payload;

import static dev.smstrack.callbacks.payload.JsonFields.array;
import static dev.smstrack.callbacks.payload.JsonFields.code;
import static dev.smstrack.callbacks.payload.JsonFields.informativeWhole;
import static dev.smstrack.callbacks.payload.JsonFields.instant;
import static dev.smstrack.callbacks.payload.JsonFields.optionalInstant;
import static dev.smstrack.callbacks.payload.JsonFields.optionalText;
import static dev.smstrack.callbacks.payload.JsonFields.text;

import dev.smstrack.platform.Digests;
import dev.smstrack.platform.PhoneNumbers;
import dev.smstrack.statusevents.StatusEvent.Applied;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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

    private CallbackParser() {}

    /** True for a type that {@link #parse} reads into a record of its own, as {@link Callback#type} names it. */
    public static boolean reads(String type) {
        return RECIPIENT_REPORTS.contains(type)
                || BATCH_REPORTS.contains(type)
                || INBOUND_SMS.contains(type)
                || ConversationCallbacks.READ_TYPES.contains(type);
    }

    /**
     * Parses the callback and derives its keys, as intake does before it answers 200: whatever
     * this returns, the consumer can store.
     */
    public static Callback read(byte[] rawBody) {
        Callback callback = parse(rawBody);
        callback.dedupKey();
        return callback;
    }

    public static Callback parse(byte[] rawBody) {
        JsonObject json = JsonFields.object(rawBody);
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
        return ConversationCallbacks.parse(json, rawBody);
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
                optionalText(json, "status_message"),
                optionalText(json, "operator"),
                optionalInstant(json, "operator_status_at"),
                new Applied(
                        optionalText(json, "applied_originator"),
                        optionalText(json, "encoding"),
                        informativeWhole(json, "number_of_message_parts")));
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
}
