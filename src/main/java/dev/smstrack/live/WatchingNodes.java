package dev.smstrack.live;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;

/**
 * Which nodes of the cluster have a dashboard watching, in the database that they all share: each
 * node says so at every heartbeat while it has one, and the saying lapses three beats later.
 */
@Stateless
@PermitAll
public class WatchingNodes {

    /** Long enough to outlast two missed beats; short enough that publishing stops soon after the last tab. */
    static final Duration LAPSE = Duration.ofSeconds(3L * Heartbeat.SECONDS);

    @PersistenceContext
    EntityManager em;

    /** This node has a dashboard watching, from now until the lapse. */
    public void watching(String node, Instant now) {
        long until = now.plus(LAPSE).toEpochMilli();
        int updated = em.createNativeQuery("UPDATE watching_node SET until_ms = ? WHERE node = ?")
                .setParameter(1, until)
                .setParameter(2, node)
                .executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO watching_node (node, until_ms) VALUES (?, ?)")
                    .setParameter(1, node)
                    .setParameter(2, until)
                    .executeUpdate();
        }
    }

    /** Some node of the cluster has a dashboard watching. */
    public boolean anyWatching(Instant now) {
        Number watching = (Number) em.createNativeQuery("SELECT COUNT(*) FROM watching_node WHERE until_ms > ?")
                .setParameter(1, now.toEpochMilli())
                .getSingleResult();
        return watching.longValue() > 0;
    }
}
