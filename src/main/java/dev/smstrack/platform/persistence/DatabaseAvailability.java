package dev.smstrack.platform.persistence;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Logger;

/**
 * Whether this node reached the database at the last probe ({@link DatabaseProbe}), and a place to
 * wait until it does again. A plain bean, not the probe itself: every consumer session asks, and an
 * EJB's interceptors would cost more than the answer.
 */
@ApplicationScoped
public class DatabaseAvailability {

    private static final Logger LOG = Logger.getLogger(DatabaseAvailability.class.getName());

    /**
     * Guards the two fields. Not the bean's own monitor: callers reach it through a CDI proxy, and a
     * synchronized method of the proxy would hold the proxy's monitor through a wait.
     */
    private final Object lock = new Object();

    private static final long STOP_CHECK_MILLIS = 1000;

    private boolean available = true;
    private boolean closed;

    public boolean isAvailable() {
        synchronized (lock) {
            return available;
        }
    }

    /**
     * Returns once the database is reachable; waits, without limit, while it is not. Throws when
     * the server suspends or the application stops meanwhile, so that a waiting consumer lets go of
     * its message (else each would hold up the shutdown for the resource adapter's 10 s).
     */
    public void awaitAvailable() {
        synchronized (lock) {
            while (!available) {
                if (closed || !ServerState.isRunning()) {
                    throw new IllegalStateException("The server is stopping while the database is unreachable");
                }
                try {
                    lock.wait(STOP_CHECK_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the database", e);
                }
            }
        }
    }

    void record(boolean reachable) {
        synchronized (lock) {
            if (reachable != available) {
                LOG.warning(
                        reachable
                                ? "The database is reachable again: the callbacks queued meanwhile are being stored"
                                : "The database is unreachable: callbacks are queued, and stored once it is back");
            }
            available = reachable;
            lock.notifyAll();
        }
    }

    @PreDestroy
    void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
    }
}
