package dev.smstrack.simulator;

import dev.smstrack.callbacks.CallbackIntake;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Hands the simulated delivery reports to this server's own callback intake, the step after the
 * endpoint's authentication, and retries as Sinch does while intake answers "later". Nothing goes
 * over the network: no URL from a request is ever called, and no webhook secret or Basic
 * credential is used or needed.
 */
@ApplicationScoped
public class SimulatedCallbacks {

    private static final Logger LOG = Logger.getLogger(SimulatedCallbacks.class.getName());
    private static final int ATTEMPTS = 6;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    CallbackIntake intake;

    void later(Duration delay, Runnable step) {
        scheduler.schedule(step, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Delivers now; while the database or broker is unavailable, again after 1 s, 2 s, 4 s … like Sinch. */
    void deliver(JsonObject callback) {
        deliver(callback.toString().getBytes(StandardCharsets.UTF_8), 1);
    }

    private void deliver(byte[] body, int attempt) {
        intake.accept(body, null).whenComplete((problem, failure) -> {
            if (failure == null) {
                problem.ifPresent(it -> LOG.warning("A simulated callback was refused: " + it));
            } else if (attempt < ATTEMPTS) {
                later(Duration.ofSeconds(1L << (attempt - 1)), () -> deliver(body, attempt + 1));
            } else {
                LOG.warning(
                        "A simulated callback was given up after " + ATTEMPTS + " attempts: " + failure.getMessage());
            }
        });
    }
}
