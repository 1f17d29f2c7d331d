package dev.smstrack.sending;

import dev.smstrack.simulator.SimulatorSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How to reach Sinch: by service plan and API token, or by project key (OAuth2); or the built-in
 * simulator, only when switched on explicitly. With none of them, nothing is sent: a production
 * server that lacks its credentials fails loudly instead of "delivering" simulated SMS.
 */
@ApplicationScoped
public class SinchSettings {

    private static final Logger LOG = Logger.getLogger(SinchSettings.class.getName());

    @Inject
    SimulatorSettings simulator;

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

    private SinchMode mode;

    @PostConstruct
    void decideMode() {
        if (simulator.enabled()) {
            mode = SinchMode.SIMULATOR;
        } else if (simulator.refused()) {
            // Asked for a demo: never send real SMS instead, whatever credentials are set.
            mode = SinchMode.NOT_CONFIGURED;
        } else if (projectId.isPresent() && keyId.isPresent() && keySecret.isPresent()) {
            mode = SinchMode.PROJECT_KEY;
        } else if (servicePlanId.isPresent() && apiToken.isPresent()) {
            mode = SinchMode.SERVICE_PLAN;
        } else {
            mode = SinchMode.NOT_CONFIGURED;
        }
    }

    void announceAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (simulator.refused()) {
            LOG.severe("SINCH_SIMULATOR=true is REFUSED on a cluster node (sms-tracker.clustered): the simulator keeps"
                    + " its batches in one JVM, and a report would be lost with its node. Sending answers 503;"
                    + " unset SINCH_SIMULATOR to send through Sinch.");
        } else if (mode == SinchMode.SIMULATOR) {
            boolean credentials = servicePlanId.isPresent() || apiToken.isPresent() || projectId.isPresent();
            LOG.warning("The Sinch SIMULATOR is ON (SINCH_SIMULATOR=true): no SMS reaches a handset, and every"
                    + " delivery report is made up" + (credentials ? "; the Sinch credentials set are IGNORED" : ""));
        } else if (mode == SinchMode.NOT_CONFIGURED) {
            LOG.warning("Sinch is not configured: sending answers 503. Set SINCH_SERVICE_PLAN_ID and SINCH_API_TOKEN,"
                    + " or SINCH_PROJECT_ID, SINCH_KEY_ID and SINCH_KEY_SECRET (or SINCH_SIMULATOR=true for a demo).");
        }
    }

    public SinchMode mode() {
        return mode;
    }

    /** False when nothing can be sent: no credentials and no simulator. */
    public boolean canSend() {
        return mode != SinchMode.NOT_CONFIGURED;
    }

    public boolean usesProjectKey() {
        return mode == SinchMode.PROJECT_KEY;
    }

    public String baseUrl() {
        return baseUrl.map(SinchSettings::withoutTrailingSlash).orElseGet(() -> switch (mode) {
            case SIMULATOR -> withoutTrailingSlash(selfUrl) + "/api/sinch-simulator";
            case PROJECT_KEY -> "https://zt." + region + ".sms.api.sinch.com";
            default -> "https://" + region + ".sms.api.sinch.com";
        });
    }

    /** The id in the path: the service plan, or the project in project-key mode. */
    public String pathId() {
        return switch (mode) {
            case SIMULATOR -> "simulator";
            case PROJECT_KEY -> projectId.orElseThrow();
            default -> servicePlanId.orElseThrow();
        };
    }

    /** The callback URL sent with each batch; empty to use the one configured on the account. */
    public Optional<String> callbackUrl() {
        return mode == SinchMode.SIMULATOR ? Optional.empty() : callbackUrl;
    }

    /** The bearer token of service-plan mode, or the simulator's. */
    public Optional<String> apiToken() {
        return mode == SinchMode.SIMULATOR ? Optional.of(simulator.token()) : apiToken;
    }

    public Optional<String> from() {
        return from.isPresent() || mode != SinchMode.SIMULATOR ? from : Optional.of("SIMULATOR");
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
