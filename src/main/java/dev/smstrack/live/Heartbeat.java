package dev.smstrack.live;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/** Every 15 seconds, on each node for its own watchers (a timer per node, not a persistent one). */
@Singleton
@PermitAll
public class Heartbeat {

    /** The dashboard reconnects after hearing nothing for three beats. */
    static final int SECONDS = 15;

    @Inject
    Watchers watchers;

    @Schedule(second = "*/" + SECONDS, minute = "*", hour = "*", persistent = false)
    void beat() {
        watchers.beat();
    }
}
