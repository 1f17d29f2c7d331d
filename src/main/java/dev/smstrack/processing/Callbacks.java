package dev.smstrack.processing;

import dev.smstrack.statusevents.StatusEvent;
import dev.smstrack.statusevents.StatusEvents;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/** Applies one verified callback: reads its type and stores what it reports. */
@Stateless
public class Callbacks {

    private static final Logger LOG = Logger.getLogger(Callbacks.class.getName());

    @Inject
    StatusEvents statusEvents;

    public void apply(byte[] rawBody) {
        JsonObject callback = parse(rawBody);
        if (!RecipientDeliveryReport.isOne(callback)) {
            LOG.warning(() -> "Callback type not handled yet: " + callback.getString("type", "(none)"));
            return;
        }
        var report = RecipientDeliveryReport.of(callback);
        statusEvents.record(new StatusEvent(
                report.batchId(),
                report.recipient(),
                report.status(),
                report.code(),
                report.at(),
                new String(rawBody, StandardCharsets.UTF_8)));
    }

    private static JsonObject parse(byte[] rawBody) {
        try (var reader = Json.createReader(new ByteArrayInputStream(rawBody))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new MalformedCallbackException("callback is not a JSON object: " + e.getMessage());
        }
    }
}
