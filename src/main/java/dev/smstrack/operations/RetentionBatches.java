package dev.smstrack.operations;

import dev.smstrack.platform.Ids;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * Deletes one bounded batch of old rows, in a transaction of its own: a purge is many short
 * transactions, never one DELETE that locks a table. Rows are found through their primary key
 * (time-ordered ids, see {@link Ids}) so that no index of their own is needed, and checked against
 * their time column, so that only rows older than the cutoff go.
 */
@Stateless
@PermitAll
public class RetentionBatches {

    /** What is purged: the entity, its time column and, for callbacks, what still refers to them. */
    public enum Kept {
        STATUS_EVENTS("StatusEvent", "receivedAt", ""),
        INBOUND_MESSAGES("InboundMessage", "receivedAt", ""),
        SUBMISSIONS("Submission", "createdAt", ""),
        CALLBACK_FAILURES("CallbackFailure", "failedAt", ""),
        // A callback goes once no status event or inbound message of it is left (foreign keys).
        CALLBACKS(
                "ReceivedCallback",
                "receivedAt",
                " AND NOT EXISTS (SELECT s FROM StatusEvent s WHERE s.callbackId = e.id)"
                        + " AND NOT EXISTS (SELECT i FROM InboundMessage i WHERE i.callbackId = e.id)");

        final String entity;
        final String timeField;
        final String unreferenced;

        Kept(String entity, String timeField, String unreferenced) {
            this.entity = entity;
            this.timeField = timeField;
            this.unreferenced = unreferenced;
        }
    }

    @PersistenceContext
    EntityManager em;

    /** Deletes up to {@code most} rows of the kind older than {@code cutoff}; returns how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int deleteOlder(Kept kind, Instant cutoff, int most) {
        List<String> ids = em.createQuery(
                        "SELECT e.id FROM " + kind.entity + " e WHERE e.id < :bound AND e." + kind.timeField
                                + " < :cutoff" + kind.unreferenced + " ORDER BY e.id",
                        String.class)
                .setParameter("bound", Ids.firstAt(cutoff))
                .setParameter("cutoff", cutoff)
                .setMaxResults(most)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("DELETE FROM " + kind.entity + " e WHERE e.id IN :ids")
                .setParameter("ids", ids)
                .executeUpdate();
    }
}
