package dev.smstrack.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Finds out, every two seconds and whenever a consumer's commit failed, whether this node reaches
 * the database, and records it in {@link DatabaseAvailability}. The consumer waits while it does not,
 * so that an outage spends none of a callback's delivery attempts.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class DatabaseProbe {

    private static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = DatabaseMigrations.DATASOURCE)
    DataSource dataSource;

    @Inject
    DatabaseAvailability availability;

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void probe() {
        reachableNow();
    }

    /** Probes now, records the answer and returns it. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean reachableNow() {
        boolean reachable;
        // A query, not Connection.isValid: its failure reaches the pool, which then drops the
        // connections to the old server instead of handing them out again.
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.setQueryTimeout(TIMEOUT_SECONDS);
            statement.execute("SELECT 1");
            reachable = true;
        } catch (SQLException e) {
            reachable = false;
        }
        availability.record(reachable);
        return reachable;
    }
}
