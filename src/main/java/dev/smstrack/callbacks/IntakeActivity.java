package dev.smstrack.callbacks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Whether this node's intake is busy: it accepted at least {@link IntakeSettings#busyPerSecond} callbacks within
 * the current or the last second. The consumer yields to a busy intake, since answering Sinch is
 * what must be fast and the backlog waits safely on the durable queue.
 */
@ApplicationScoped
public class IntakeActivity {

    @Inject
    @ConfigProperties
    IntakeSettings settings;

    private final AtomicLong second = new AtomicLong();
    private final AtomicLong acceptedInSecond = new AtomicLong();
    private volatile long lastBusySecond;

    void accepted() {
        long now = System.currentTimeMillis() / 1000;
        long counting = second.get();
        if (counting != now && second.compareAndSet(counting, now)) {
            acceptedInSecond.set(0);
        }
        if (acceptedInSecond.incrementAndGet() >= settings.busyPerSecond) {
            lastBusySecond = now;
        }
    }

    public boolean busy() {
        return System.currentTimeMillis() / 1000 - lastBusySecond <= 1;
    }
}
