package dev.smstrack.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What registering the webhook needs: the project and its access key (as for sending by project
 * key), the Conversation app, this server's public callback URL and the signing secret.
 */
@ApplicationScoped
public class ConversationWebhookSettings {

    @Inject
    @ConfigProperty(name = "sinch.project.id")
    Optional<String> projectId;

    @Inject
    @ConfigProperty(name = "sinch.key.id")
    Optional<String> keyId;

    @Inject
    @ConfigProperty(name = "sinch.key.secret")
    Optional<String> keySecret;

    @Inject
    @ConfigProperty(name = "sinch.conversation.app.id")
    Optional<String> appId;

    /** us, eu or br: where the Conversation app lives. */
    @Inject
    @ConfigProperty(name = "sinch.conversation.region", defaultValue = "us")
    String region;

    /** Replaces https://{region}.conversation.api.sinch.com (tests point it at a fake). */
    @Inject
    @ConfigProperty(name = "sinch.conversation.base.url")
    Optional<String> baseUrl;

    @Inject
    @ConfigProperty(name = "sinch.callback.url")
    Optional<String> callbackUrl;

    @Inject
    @ConfigProperty(name = "sinch.webhook.secrets")
    Optional<String> secrets;

    /** The environment variables still to set; empty when registering can go ahead. */
    List<String> missing() {
        List<String> missing = new ArrayList<>();
        projectId.ifPresentOrElse(value -> {}, () -> missing.add("SINCH_PROJECT_ID"));
        keyId.ifPresentOrElse(value -> {}, () -> missing.add("SINCH_KEY_ID"));
        keySecret.ifPresentOrElse(value -> {}, () -> missing.add("SINCH_KEY_SECRET"));
        appId.ifPresentOrElse(value -> {}, () -> missing.add("SINCH_CONVERSATION_APP_ID"));
        callbackUrl.ifPresentOrElse(value -> {}, () -> missing.add("SINCH_CALLBACK_URL"));
        if (secret().isEmpty()) {
            missing.add("SINCH_WEBHOOK_SECRETS");
        }
        return missing;
    }

    String baseUrl() {
        return baseUrl.orElse("https://" + region + ".conversation.api.sinch.com");
    }

    String projectId() {
        return projectId.orElseThrow();
    }

    String appId() {
        return appId.orElseThrow();
    }

    String target() {
        return callbackUrl.orElseThrow();
    }

    /** The first of the secrets: during a rotation, the newest, which Sinch is to sign with. */
    Optional<String> secret() {
        return secrets.map(list -> list.split(",")[0].strip()).filter(secret -> !secret.isEmpty());
    }

    String basicCredentials() {
        return keyId.orElseThrow() + ":" + keySecret.orElseThrow();
    }
}
