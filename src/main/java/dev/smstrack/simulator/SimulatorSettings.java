package dev.smstrack.simulator;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether the simulator is on (only when SINCH_SIMULATOR=true, and never on a cluster node: its
 * batches live in one JVM), the bearer token it demands, and how it behaves: delays, the mix of
 * outcomes, and the share of each fault.
 */
@ApplicationScoped
public class SimulatorSettings {

    @Inject
    @ConfigProperty(name = "sinch.simulator", defaultValue = "false")
    boolean enabled;

    /** Set by wildfly-config/cluster.cli on every cluster node. */
    @Inject
    @ConfigProperty(name = "sms-tracker.clustered", defaultValue = "false")
    boolean clustered;

    /** Unset: a random token for this JVM, which only this server's own Sinch client knows. */
    @Inject
    @ConfigProperty(name = "sinch.simulator.token")
    Optional<String> configuredToken;

    private String token;

    @Inject
    @ConfigProperty(name = "sinch.simulator.dispatch.millis", defaultValue = "500")
    long dispatchMillis;

    @Inject
    @ConfigProperty(name = "sinch.simulator.final.millis", defaultValue = "2000")
    long finalMillis;

    /** How long a delivery report lookup takes: a slow Sinch. */
    @Inject
    @ConfigProperty(name = "sinch.simulator.lookup.millis", defaultValue = "0")
    long lookupMillis;

    @Inject
    @ConfigProperty(name = "sinch.simulator.share.failed", defaultValue = "0.05")
    double failedShare;

    @Inject
    @ConfigProperty(name = "sinch.simulator.share.expired", defaultValue = "0.03")
    double expiredShare;

    @Inject
    @ConfigProperty(name = "sinch.simulator.share.429", defaultValue = "0")
    double tooManyRequestsShare;

    @Inject
    @ConfigProperty(name = "sinch.simulator.share.5xx", defaultValue = "0")
    double unavailableShare;

    @Inject
    @ConfigProperty(name = "sinch.simulator.share.duplicate", defaultValue = "0")
    double duplicateShare;

    @Inject
    @ConfigProperty(name = "sinch.simulator.share.reorder", defaultValue = "0")
    double reorderShare;

    @Inject
    @ConfigProperty(name = "sinch.simulator.share.early", defaultValue = "0")
    double earlyShare;

    @PostConstruct
    void chooseToken() {
        token = configuredToken.filter(value -> !value.isBlank()).orElseGet(() -> {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        });
    }

    public boolean enabled() {
        return enabled && !clustered;
    }

    /** SINCH_SIMULATOR=true on a cluster node, where it is refused. */
    public boolean refused() {
        return enabled && clustered;
    }

    /** The bearer token a client must send, as the real Sinch demands its API token. */
    public String token() {
        return token;
    }

    boolean accepts(String authorization) {
        byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        return authorization != null && MessageDigest.isEqual(expected, authorization.getBytes(StandardCharsets.UTF_8));
    }

    void lookupDelay() {
        if (lookupMillis > 0) {
            try {
                Thread.sleep(lookupMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The configured delay, varied by up to half either way. */
    Duration dispatchDelay() {
        return jittered(dispatchMillis);
    }

    Duration finalDelay() {
        return jittered(finalMillis);
    }

    private static boolean chance(double share) {
        return share > 0 && ThreadLocalRandom.current().nextDouble() < share;
    }

    double failedShare() {
        return failedShare;
    }

    double expiredShare() {
        return expiredShare;
    }

    boolean tooManyRequests() {
        return chance(tooManyRequestsShare);
    }

    boolean unavailable() {
        return chance(unavailableShare);
    }

    boolean duplicate() {
        return chance(duplicateShare);
    }

    boolean reorder() {
        return chance(reorderShare);
    }

    boolean early() {
        return chance(earlyShare);
    }

    private static Duration jittered(long millis) {
        long half = millis / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(millis + 1));
    }
}
