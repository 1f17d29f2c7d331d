package dev.smstrack.callbacks;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When this node's broker last refused a callback (its budget spent, or its disk full), so that
 * readiness can report a node that answers 503. Kept in memory on purpose: each node has a broker
 * of its own, and what another node's broker does says nothing about this one.
 */
@ApplicationScoped
public class BrokerRefusals {

    private final AtomicLong lastMillis = new AtomicLong(Long.MIN_VALUE);

    void record() {
        lastMillis.set(System.currentTimeMillis());
    }

    public boolean refusedWithin(Duration duration) {
        return lastMillis.get() > System.currentTimeMillis() - duration.toMillis();
    }
}
