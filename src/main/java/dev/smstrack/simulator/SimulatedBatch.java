package dev.smstrack.simulator;

import dev.smstrack.messages.Personalisation;
import dev.smstrack.messages.SmsEncoding;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** A batch the simulator accepted, and the status each of its recipients has reached. */
final class SimulatedBatch {

    /** Where one recipient stands, as a recipient delivery report says it. */
    record Status(String status, int code, Instant at) {}

    final String id;
    final JsonObject request;
    final Instant createdAt;
    final Map<String, Status> statuses = new ConcurrentHashMap<>();
    /** Set once the batch report (summary or full) was made: one per batch. */
    final AtomicBoolean batchReported = new AtomicBoolean();
    /** Set by a cancel, which stops the batch only while it is still held (scheduled). */
    final AtomicBoolean canceled = new AtomicBoolean();

    final AtomicBoolean stopped = new AtomicBoolean();
    /** The recipients delivery feedback was given for. */
    final List<String> feedback = new CopyOnWriteArrayList<>();

    SimulatedBatch(String id, JsonObject request, Instant createdAt) {
        this.id = id;
        this.request = request;
        this.createdAt = createdAt;
        recipients().forEach(recipient -> statuses.put(recipient, new Status("Queued", 400, createdAt)));
    }

    List<String> recipients() {
        return request.getJsonArray("to").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    String clientReference() {
        return request.getString("client_reference", null);
    }

    /** When it is to be sent: its send_at, or when it was created. */
    Instant sendAt() {
        String at = request.getString("send_at", null);
        return at == null ? createdAt : Instant.parse(at);
    }

    boolean feedbackEnabled() {
        return request.getBoolean("feedback_enabled", false);
    }

    /** The text this recipient gets, after the batch's parameters. */
    String bodyFor(String recipient) {
        return Personalisation.bodyFor(request.getString("body"), parameters(), recipient);
    }

    private Map<String, Map<String, String>> parameters() {
        if (!(request.get("parameters") instanceof JsonObject all)) {
            return Map.of();
        }
        Map<String, Map<String, String>> parameters = new TreeMap<>();
        all.forEach((name, values) -> {
            Map<String, String> byRecipient = new TreeMap<>();
            if (values instanceof JsonObject given) {
                given.forEach((key, value) -> {
                    if (value instanceof JsonString text) {
                        byRecipient.put(key, text.getString());
                    }
                });
            }
            parameters.put(name, byRecipient);
        });
        return parameters;
    }

    /** The 201 answer: the request echoed with the batch's id and times. */
    JsonObject created() {
        return Json.createObjectBuilder(request)
                .add("id", id)
                .add("type", "mt_text")
                .add("created_at", createdAt.toString())
                .add("modified_at", createdAt.toString())
                .add("canceled", canceled.get())
                .build();
    }

    /** True once every recipient has a final status. */
    boolean isFinal() {
        return statuses.values().stream()
                .noneMatch(status -> "Queued".equals(status.status()) || "Dispatched".equals(status.status()));
    }

    /** A delivery_report_sms: counts by status and code, with the recipients of each if full. */
    JsonObject batchReport(boolean full) {
        Map<String, List<String>> byOutcome = new TreeMap<>();
        statuses.forEach((recipient, status) -> byOutcome
                .computeIfAbsent(status.status() + "/" + status.code(), outcome -> new ArrayList<>())
                .add(recipient.startsWith("+") ? recipient.substring(1) : recipient));
        var counts = Json.createArrayBuilder();
        byOutcome.forEach((outcome, recipients) -> {
            var count = Json.createObjectBuilder()
                    .add("status", outcome.substring(0, outcome.indexOf('/')))
                    .add("code", Integer.parseInt(outcome.substring(outcome.indexOf('/') + 1)))
                    .add("count", recipients.size());
            if (full) {
                count.add("recipients", Json.createArrayBuilder(recipients));
            }
            counts.add(count);
        });
        var report = Json.createObjectBuilder()
                .add("type", "delivery_report_sms")
                .add("batch_id", id)
                .add("total_message_count", statuses.size())
                .add("statuses", counts);
        if (clientReference() != null) {
            report.add("client_reference", clientReference());
        }
        return report.build();
    }

    /** A recipient_delivery_report_sms, as Sinch calls back or answers a lookup. */
    JsonObject report(String recipient) {
        Status status = statuses.get(recipient);
        var report = Json.createObjectBuilder()
                .add("type", "recipient_delivery_report_sms")
                .add("batch_id", id)
                .add("recipient", recipient.startsWith("+") ? recipient.substring(1) : recipient)
                .add("code", status.code())
                .add("status", status.status())
                .add("at", status.at().toString());
        if (!"Queued".equals(status.status())) {
            report.add("operator", operatorOf(recipient))
                    .add("operator_status_at", status.at().toString());
        }
        // As with Sinch's smart encoding on; the parts only where the batch set a most.
        var encoding = SmsEncoding.of(bodyFor(recipient));
        report.add("encoding", encoding.name());
        if (request.containsKey("max_number_of_message_parts")) {
            report.add("number_of_message_parts", encoding.parts());
        }
        if (clientReference() != null) {
            report.add("client_reference", clientReference());
        }
        return report.build();
    }

    /** Two operators, by the number's last digit, so that statistics by operator have something to show. */
    static String operatorOf(String recipient) {
        return (recipient.charAt(recipient.length() - 1) - '0') % 2 == 0 ? "Simulated Mobile" : "Simulated Telecom";
    }
}
