package dev.smstrack.simulator;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A batch the simulator accepted, and the status each of its recipients has reached. */
final class SimulatedBatch {

    /** Where one recipient stands, as a recipient delivery report says it. */
    record Status(String status, int code, Instant at) {}

    final String id;
    final JsonObject request;
    final Instant createdAt;
    final Map<String, Status> statuses = new ConcurrentHashMap<>();

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

    /** The 201 answer: the request echoed with the batch's id and times. */
    JsonObject created() {
        return Json.createObjectBuilder(request)
                .add("id", id)
                .add("type", "mt_text")
                .add("created_at", createdAt.toString())
                .add("modified_at", createdAt.toString())
                .add("canceled", false)
                .build();
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
        if (clientReference() != null) {
            report.add("client_reference", clientReference());
        }
        return report.build();
    }
}
