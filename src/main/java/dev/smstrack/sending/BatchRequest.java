package dev.smstrack.sending;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * A batch to send, as the product asks for it; {@link #json()} is Sinch's request body ({@code POST
 * /xms/v1/{plan}/batches}), field names as Sinch writes them.
 */
public record BatchRequest(
        List<String> to,
        String from,
        String body,
        String deliveryReport,
        String clientReference,
        Optional<String> callbackUrl) {

    JsonObject json() {
        var recipients = Json.createArrayBuilder();
        to.forEach(recipients::add);
        var batch = Json.createObjectBuilder()
                .add("to", recipients)
                .add("from", from)
                .add("body", body)
                .add("delivery_report", deliveryReport)
                .add("client_reference", clientReference);
        callbackUrl.ifPresent(url -> batch.add("callback_url", url));
        return batch.build();
    }
}
