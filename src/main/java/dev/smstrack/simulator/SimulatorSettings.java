package dev.smstrack.simulator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How the simulator behaves: delays, the mix of outcomes, and the share of each fault. */
@ApplicationScoped
public class SimulatorSettings {

    @Inject
    @ConfigProperty(name = "sinch.simulator.dispatch.millis", defaultValue = "500")
    long dispatchMillis;

    @Inject
    @ConfigProperty(name = "sinch.simulator.final.millis", defaultValue = "2000")
    long finalMillis;

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
