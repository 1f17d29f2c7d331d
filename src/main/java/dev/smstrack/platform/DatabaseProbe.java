package dev.smstrack.platform;

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
 * Finds out, every two seconds, whether this node reaches the database, and records it in {@link
 * DatabaseAvailability}. The callback endpoint refuses with 503 while it does not, so that Sinch
 * keeps the reports until it does.
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
    }
}
