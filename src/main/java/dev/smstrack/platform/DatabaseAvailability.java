package dev.smstrack.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Logger;

/**
 * Whether this node reached the database at the last probe ({@link DatabaseProbe}). A plain bean,
 * not the probe itself: every callback asks, and an EJB's interceptors would cost more than the
 * answer.
 */
@ApplicationScoped
public class DatabaseAvailability {

    private static final Logger LOG = Logger.getLogger(DatabaseAvailability.class.getName());

    private volatile boolean available = true;

    public boolean isAvailable() {
        return available;
    }

    void record(boolean reachable) {
        if (reachable != available) {
            LOG.warning(reachable ? "The database is reachable again" : "The database is unreachable");
        }
        available = reachable;
    }
}
