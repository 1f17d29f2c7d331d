package dev.smstrack.webhooks;

import dev.smstrack.sending.SinchHttp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Registers this server as the Conversation app's webhook for what the product handles: looks for
 * the app's webhook with our target first, creates it if there is none, and corrects its triggers
 * and secret if they differ. Running it again changes nothing.
 */
@ApplicationScoped
public class ConversationWebhooks {

    /** The callbacks the product reads: delivery reports of messages and events, and inbound messages. */
    static final List<String> TRIGGERS = List.of("MESSAGE_DELIVERY", "EVENT_DELIVERY", "MESSAGE_INBOUND");

    @Inject
    ConversationWebhookSettings settings;

    @Inject
    SinchHttp http;

    public RegisteredWebhook register() {
        List<String> missing = settings.missing();
        if (!missing.isEmpty()) {
            throw new WebApplicationException(
                    "registering the Conversation webhook needs " + String.join(", ", missing) + " to be set",
                    Response.Status.CONFLICT);
        }
        Optional<JsonObject> existing = webhooks().stream()
                .filter(webhook -> settings.target().equals(webhook.getString("target", null)))
                .findFirst();
        if (existing.isEmpty()) {
            JsonObject created = call(
                    "create the webhook", authorized(project().path("webhooks")).buildPost(json(wanted())));
            return registered(created, "created");
        }
        JsonObject webhook = existing.get();
        if (Set.copyOf(triggersOf(webhook)).equals(Set.copyOf(TRIGGERS))
                && settings.secret().get().equals(webhook.getString("secret", null))) {
            return registered(webhook, "unchanged");
        }
        JsonObject updated = call(
                "update the webhook",
                authorized(project()
                                .path("webhooks/{id}")
                                .resolveTemplate("id", webhook.getString("id"))
                                .queryParam("update_mask.paths", "triggers", "secret", "target_type"))
                        .build("PATCH", json(wanted())));
        return registered(updated, "updated");
    }

    private List<JsonObject> webhooks() {
        JsonObject answer = call(
                "list the app's webhooks",
                authorized(project().path("apps/{app}/webhooks").resolveTemplate("app", settings.appId()))
                        .buildGet());
        if (!(answer.get("webhooks") instanceof JsonArray webhooks)) {
            return List.of();
        }
        return webhooks.stream()
                .filter(JsonObject.class::isInstance)
                .map(JsonValue::asJsonObject)
                .toList();
    }

    private JsonObject wanted() {
        return Json.createObjectBuilder()
                .add("app_id", settings.appId())
                .add("target", settings.target())
                .add("target_type", "HTTP")
                .add("secret", settings.secret().get())
                .add("triggers", Json.createArrayBuilder(TRIGGERS))
                .build();
    }

    /** The triggers a webhook of Sinch's names, in its order; none if it names none. */
    private static List<String> triggersOf(JsonObject webhook) {
        return webhook.get("triggers") instanceof JsonArray triggers
                ? triggers.stream()
                        .filter(JsonString.class::isInstance)
                        .map(trigger -> ((JsonString) trigger).getString())
                        .toList()
                : List.of();
    }

    private RegisteredWebhook registered(JsonObject webhook, String action) {
        return new RegisteredWebhook(
                webhook.getString("id", null),
                settings.appId(),
                webhook.getString("target", null),
                triggersOf(webhook),
                action);
    }

    /** The project's part of the API: {@code v1/projects/{project}}. */
    private WebTarget project() {
        return http.client()
                .target(settings.baseUrl())
                .path("v1/projects/{project}")
                .resolveTemplate("project", settings.projectId());
    }

    private Invocation.Builder authorized(WebTarget target) {
        return target.request(MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.AUTHORIZATION, basic());
    }

    private String basic() {
        return "Basic "
                + Base64.getEncoder().encodeToString(settings.basicCredentials().getBytes(StandardCharsets.UTF_8));
    }

    /** Sinch's answer as JSON; an error answer is a 502 and no answer a 503, each saying what failed. */
    private static JsonObject call(String what, Invocation invocation) {
        try (Response response = invocation.invoke()) {
            String text = response.hasEntity() ? response.readEntity(String.class) : "";
            if (response.getStatus() / 100 != 2) {
                throw new WebApplicationException(
                        "Sinch answered " + response.getStatus() + " when asked to " + what + ": " + errorOf(text),
                        Response.Status.BAD_GATEWAY);
            }
            return text.isBlank()
                    ? JsonValue.EMPTY_JSON_OBJECT
                    : Json.createReader(new java.io.StringReader(text)).readObject();
        } catch (ProcessingException unreachable) {
            throw new WebApplicationException(
                    "no answer from Sinch when asked to " + what, Response.Status.SERVICE_UNAVAILABLE);
        }
    }

    /** Sinch's own message where it gives one, never the whole body (it may echo the secret). */
    private static String errorOf(String text) {
        try (var reader = Json.createReader(new java.io.StringReader(text))) {
            JsonObject body = reader.readObject();
            if (body.get("error") instanceof JsonObject error) {
                return error.getString("message", "no message");
            }
        } catch (RuntimeException notJson) {
            // said below
        }
        return "no message";
    }

    private static Entity<String> json(JsonObject body) {
        return Entity.json(body.toString());
    }
}
