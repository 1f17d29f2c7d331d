package dev.smstrack.operations;

import dev.smstrack.platform.persistence.DatabaseAvailability;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while this node reaches the database, as its probe found at most two seconds ago
 * ({@link dev.smstrack.platform.persistence.DatabaseProbe}): a node without it still queues callbacks, but
 * cannot store them, send or answer a read.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    DatabaseAvailability database;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("database")
                .status(database.isAvailable())
                .build();
    }
}
