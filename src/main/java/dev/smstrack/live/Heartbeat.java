package dev.smstrack.live;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Every 15 seconds, on each node (a timer per node, not a persistent one): a beat to this node's
 * dashboards, and whether any node of the cluster has one, which decides whether messages' changes
 * are published at all. A cluster nobody watches spends nothing on them.
 */
@Singleton
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each call to WatchingNodes is one of its own
public class Heartbeat {

    /** The dashboard reconnects after hearing nothing for three beats. */
    static final int SECONDS = 15;

    private static final Logger LOG = Logger.getLogger(Heartbeat.class);

    private static final String NODE = System.getProperty("jboss.node.name", "node");

    @Inject
    Watchers watchers;

    @Inject
    WatchingNodes nodes;

    @Inject
    MessageChanges changes;

    @Schedule(second = "*/" + SECONDS, minute = "*", hour = "*", persistent = false)
    void beat() {
        watchers.beat();
        Instant now = Instant.now();
        try {
            if (watchers.any()) {
                nodes.watching(NODE, now);
            }
            changes.watched(nodes.anyWatching(now));
        } catch (RuntimeException unknown) {
            LOG.debugf(unknown, "whether a dashboard watches is not known; publishing as before");
        }
    }

    /** A dashboard connected here: this node publishes at once, and the others learn at their next beat. */
    public void dashboardOpened() {
        changes.watched(true);
        try {
            nodes.watching(NODE, Instant.now());
        } catch (RuntimeException unknown) {
            LOG.debugf(unknown, "the other nodes learn of this dashboard at the next beat");
        }
    }
}
