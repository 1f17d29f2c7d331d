package dev.smstrack.sending;

import dev.smstrack.operations.Meters;
import dev.smstrack.sending.api.SendingUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The Sinch SMS REST API (xms v1): create a batch, find batches by reference, read a report. */
@ApplicationScoped
public class SinchClient {

    @Inject
    SinchSettings settings;

    @Inject
    SinchHttp http;

    @Inject
    AccessTokens tokens;

    @Inject
    Meters meters;

    public SinchAnswer createBatch(BatchRequest batch) {
        String body = batch.json().toString();
        return call("create_batch", "create a batch", () -> request("batches").buildPost(Entity.json(body)));
    }

    /** Sinch's dry run of the batch, with each recipient's text, encoding and parts: nothing is sent. */
    public SinchAnswer dryRun(BatchRequest batch) {
        String body = batch.json().toString();
        return call("dry_run", "dry-run a batch", () -> authorized(target("batches/dry_run")
                        .queryParam("per_recipient", true)
                        .queryParam("number_of_recipients", batch.to().size()))
                .buildPost(Entity.json(body)));
    }

    /** Cancels a batch Sinch holds (scheduled); its 200 carries the batch with {@code canceled}. */
    public SinchAnswer cancelBatch(String batchId) {
        return call("cancel_batch", "cancel a batch", () -> request("batches/" + batchId)
                .buildDelete());
    }

    /** Tells Sinch these recipients of a batch sent with feedback enabled got it: 202. */
    public SinchAnswer deliveryFeedback(String batchId, List<String> recipients) {
        var body = Json.createObjectBuilder()
                .add("recipients", Json.createArrayBuilder(recipients))
                .build()
                .toString();
        return call("delivery_feedback", "give delivery feedback", () -> request(
                        "batches/" + batchId + "/delivery_feedback")
                .buildPost(Entity.json(body)));
    }

    /**
     * Sinch's answer to a call a caller waits for (cancel, dry run, feedback): Sinch unreachable, or
     * answering 429 or 5xx, is a {@link SendingUnavailableException} to try again later.
     */
    static SinchAnswer awaited(String what, Supplier<SinchAnswer> call) {
        SinchAnswer answer;
        try {
            answer = call.get();
        } catch (SinchUnreachableException e) {
            throw new SendingUnavailableException("Sinch cannot be reached to " + what + "; try again");
        }
        if (answer.isTransient()) {
            throw new SendingUnavailableException("Sinch cannot " + what + " now (" + answer.problem() + ")");
        }
        return answer;
    }

    /** The ids of the batches sent with this client reference: how a retry learns it already sent. */
    public List<String> batchIdsWithClientReference(String clientReference) {
        var answer = call("list_batches", "list batches", () -> authorized(
                        target("batches").queryParam("client_reference", clientReference))
                .buildGet());
        if (!answer.isSuccess()) {
            throw new SinchUnreachableException("Sinch answered " + answer.status() + " to a batch lookup", null);
        }
        if (!(answer.body().get("batches") instanceof JsonArray batches)) {
            throw new SinchUnreachableException(
                    "Sinch answered a batch lookup without batches: " + answer.body(), null);
        }
        List<String> ids = new ArrayList<>();
        for (JsonValue batch : batches) {
            if (batch instanceof JsonObject found && found.get("id") instanceof JsonString id) {
                ids.add(id.getString());
            }
        }
        return ids;
    }

    /** The current per-recipient report, as a recipient delivery report callback would carry it. */
    public SinchAnswer recipientReport(String batchId, String recipient) {
        return call("read_delivery_report", "read a delivery report", () -> request(
                        "batches/" + batchId + "/delivery_report/" + recipient)
                .buildGet());
    }

    private Invocation.Builder request(String path) {
        return authorized(target(path));
    }

    private WebTarget target(String path) {
        return http.client()
                .target(settings.baseUrl())
                .path("xms/v1/{id}/" + path)
                .resolveTemplate("id", settings.pathId());
    }

    private Invocation.Builder authorized(WebTarget target) {
        return target.request(MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer());
    }

    private String bearer() {
        return settings.usesProjectKey()
                ? tokens.current()
                : settings.apiToken().orElseThrow();
    }

    /**
     * Calls Sinch; in project-key mode a 401 renews the access token (it may have been revoked
     * before its expiry) and calls once more.
     */
    private SinchAnswer call(String operation, String what, Supplier<Invocation> invocation) {
        SinchAnswer answer = call(operation, what, invocation.get());
        if (answer.status() == 401 && settings.usesProjectKey()) {
            tokens.renew();
            answer = call(operation, what, invocation.get());
        }
        return answer;
    }

    /** One call, counted by {@code operation} (a metric label) and answer. */
    private SinchAnswer call(String operation, String what, Invocation invocation) {
        long start = System.nanoTime();
        String answered = "unreachable";
        try (Response response = invocation.invoke()) {
            answered = Integer.toString(response.getStatus());
            String text = response.hasEntity() ? response.readEntity(String.class) : "";
            return new SinchAnswer(response.getStatus(), json(text), retryAfter(response));
        } catch (ProcessingException e) {
            throw new SinchUnreachableException("No answer from Sinch to " + what, e);
        } finally {
            meters.sinchCalled(operation, answered, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private static JsonObject json(String text) {
        if (text.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (var reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        } catch (JsonException notJson) {
            return Json.createObjectBuilder().add("text", text).build();
        }
    }

    private static Optional<Duration> retryAfter(Response response) {
        return RetryAfter.parse(response.getHeaderString(HttpHeaders.RETRY_AFTER), Clock.systemUTC());
    }
}
