package dev.smstrack.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smstrack.sending.SinchHttp;
import dev.smstrack.testing.Deployments;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.WebApplicationException;
import java.net.URL;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Registering the Conversation webhook, over real HTTP, against a fake of Sinch's webhooks API. */
@ExtendWith(ArquillianExtension.class)
class ConversationWebhooksIT {

    private static final String APP = "app-1";
    private static final String TARGET = "https://sms-tracker.example.com/api/sinch/callbacks";

    @Deployment
    static WebArchive deployment() {
        return Deployments.productWarWith(ConversationWebhooksIT.class, FakeConversationApi.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    SinchHttp http;

    private ConversationWebhooks webhooks;
    private ConversationWebhookSettings settings;

    @BeforeEach
    void againstTheFake() {
        FakeConversationApi.reset();
        settings = new ConversationWebhookSettings();
        settings.projectId = Optional.of(FakeConversationApi.PROJECT);
        settings.keyId = Optional.of("key-1");
        settings.keySecret = Optional.of("key-secret-1");
        settings.appId = Optional.of(APP);
        settings.region = "eu";
        settings.baseUrl = Optional.of(base.toString().replaceAll("/$", "") + "/fake-conversation");
        settings.callbackUrl = Optional.of(TARGET);
        settings.secrets = Optional.of("new-secret, old-secret");
        webhooks = new ConversationWebhooks();
        webhooks.settings = settings;
        webhooks.http = http;
    }

    @Test
    void createsTheWebhookOnceAndThenLeavesItAsItIs() {
        var first = webhooks.register();
        assertEquals("created", first.action());
        assertEquals(1, FakeConversationApi.WEBHOOKS.size());
        JsonObject stored = FakeConversationApi.WEBHOOKS.get(first.id());
        assertEquals(TARGET, stored.getString("target"));
        assertEquals("new-secret", stored.getString("secret"), "signed with the newest secret");
        assertEquals(Set.copyOf(ConversationWebhooks.TRIGGERS), triggersOf(stored));

        FakeConversationApi.CALLS.clear();
        var again = webhooks.register();
        assertEquals("unchanged", again.action());
        assertEquals(first.id(), again.id());
        assertEquals(1, FakeConversationApi.WEBHOOKS.size());
        assertEquals(List.of("GET /v1/projects/project-1/apps/app-1/webhooks"), FakeConversationApi.CALLS);
    }

    @Test
    void correctsTheTriggersAndSecretOfItsWebhookAndTouchesNoOther() {
        var ours = FakeConversationApi.add(APP, TARGET, "old-secret", List.of("MESSAGE_DELIVERY"));
        var other =
                FakeConversationApi.add(APP, "https://crm.example.com/hook", "crm-secret", List.of("CONTACT_CREATE"));

        var registered = webhooks.register();

        assertEquals("updated", registered.action());
        assertEquals(ours.getString("id"), registered.id());
        assertEquals(2, FakeConversationApi.WEBHOOKS.size());
        JsonObject stored = FakeConversationApi.WEBHOOKS.get(ours.getString("id"));
        assertEquals("new-secret", stored.getString("secret"));
        assertEquals(Set.copyOf(ConversationWebhooks.TRIGGERS), triggersOf(stored));
        assertEquals(other, FakeConversationApi.WEBHOOKS.get(other.getString("id")));
    }

    @Test
    void aRefusalOfSinchIsABadGatewayWithItsMessageAndNeverTheSecret() {
        settings.keySecret = Optional.of("wrong");
        var refused = assertThrows(WebApplicationException.class, webhooks::register);
        assertEquals(502, refused.getResponse().getStatus());
        assertEquals(
                "Sinch answered 401 when asked to list the app's webhooks: Invalid credentials", refused.getMessage());

        settings.keySecret = Optional.of("key-secret-1");
        settings.callbackUrl = Optional.of("https://conversation-api.eu.sinch.com/loop");
        var loop = assertThrows(WebApplicationException.class, webhooks::register);
        assertEquals(502, loop.getResponse().getStatus());
        assertTrue(loop.getMessage().endsWith("target may not be a Conversation API host"), loop.getMessage());
        assertTrue(!loop.getMessage().contains("new-secret"));
    }

    @Test
    void aMissingSettingIsNamed() {
        settings.appId = Optional.empty();
        settings.secrets = Optional.of(" ");
        var missing = assertThrows(WebApplicationException.class, webhooks::register);
        assertEquals(409, missing.getResponse().getStatus());
        assertEquals(
                "registering the Conversation webhook needs SINCH_CONVERSATION_APP_ID, SINCH_WEBHOOK_SECRETS to be set",
                missing.getMessage());
        assertTrue(FakeConversationApi.CALLS.isEmpty(), "nothing asked of Sinch");
    }

    private static Set<String> triggersOf(JsonObject webhook) {
        return webhook.getJsonArray("triggers").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .collect(Collectors.toSet());
    }
}
