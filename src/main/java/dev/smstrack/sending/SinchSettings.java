package dev.smstrack.sending;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How to reach Sinch: by service plan and API token, or by project key (OAuth2). With neither, the
 * built-in simulator stands in for Sinch, so that the product works without an account.
 */
@ApplicationScoped
public class SinchSettings {

    @Inject
    @ConfigProperty(name = "sinch.service.plan.id")
    Optional<String> servicePlanId;

    @Inject
    @ConfigProperty(name = "sinch.api.token")
    Optional<String> apiToken;

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
    @ConfigProperty(name = "sinch.region", defaultValue = "us")
    String region;

    @Inject
    @ConfigProperty(name = "sinch.api.base.url")
    Optional<String> baseUrl;

    @Inject
    @ConfigProperty(name = "sinch.auth.url", defaultValue = "https://auth.sinch.com/oauth2/token")
    String authUrl;

    @Inject
    @ConfigProperty(name = "sinch.from")
    Optional<String> from;

    @Inject
    @ConfigProperty(name = "sinch.callback.url")
    Optional<String> callbackUrl;

    @Inject
    @ConfigProperty(name = "sinch.delivery.report", defaultValue = "per_recipient")
    String deliveryReport;

    @Inject
    @ConfigProperty(name = "sinch.timeout.seconds", defaultValue = "10")
    long timeoutSeconds;

    /** Where this server answers HTTP, for the simulator's own URLs. */
    @Inject
    @ConfigProperty(name = "sms-tracker.self.url", defaultValue = "http://127.0.0.1:8080")
    String selfUrl;

    public boolean usesProjectKey() {
        return projectId.isPresent() && keyId.isPresent() && keySecret.isPresent();
    }

    /** True when no Sinch credentials are configured: the simulator answers instead of Sinch. */
    public boolean simulatorActive() {
        return !usesProjectKey() && (servicePlanId.isEmpty() || apiToken.isEmpty());
    }

    public String baseUrl() {
        return baseUrl.map(SinchSettings::withoutTrailingSlash).orElseGet(() -> {
            if (simulatorActive()) {
                return withoutTrailingSlash(selfUrl) + "/api/sinch-simulator";
            }
            return usesProjectKey()
                    ? "https://zt." + region + ".sms.api.sinch.com"
                    : "https://" + region + ".sms.api.sinch.com";
        });
    }

    /** The id in the path: the service plan, or the project in project-key mode. */
    public String pathId() {
        if (usesProjectKey()) {
            return projectId.get();
        }
        return simulatorActive() ? "simulator" : servicePlanId.get();
    }

    /** The callback URL sent with each batch; empty to use the one configured on the account. */
    public Optional<String> callbackUrl() {
        if (callbackUrl.isPresent() || !simulatorActive()) {
            return callbackUrl;
        }
        return Optional.of(withoutTrailingSlash(selfUrl) + "/api/sinch/callbacks");
    }

    public Optional<String> apiToken() {
        return simulatorActive() ? Optional.of("simulator") : apiToken;
    }

    public Optional<String> from() {
        return from.isPresent() || !simulatorActive() ? from : Optional.of("SIMULATOR");
    }

    public String deliveryReport() {
        return deliveryReport;
    }

    public Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    String authUrl() {
        return authUrl;
    }

    String keyId() {
        return keyId.orElseThrow();
    }

    String keySecret() {
        return keySecret.orElseThrow();
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
