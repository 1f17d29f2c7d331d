package dev.smstrack.operations;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive unless threads of this JVM are deadlocked: the one state that nothing but a restart ends.
 * Everything that passes (a database or broker outage) belongs to readiness, never here, so that an
 * orchestrator does not restart a node that only waits.
 */
@Liveness
@ApplicationScoped
public class NoDeadlockLiveness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        long[] deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
        return HealthCheckResponse.named("no-deadlocked-threads")
                .status(deadlocked == null)
                .withData("deadlocked threads", deadlocked == null ? 0 : deadlocked.length)
                .build();
    }
}
