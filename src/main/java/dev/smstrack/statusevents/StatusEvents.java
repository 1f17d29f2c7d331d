package dev.smstrack.statusevents;

import dev.smstrack.platform.persistence.Filters;
import dev.smstrack.platform.web.Page;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** Stores and finds status events, in the caller's transaction. */
@Stateless
@PermitAll
public class StatusEvents {

    @PersistenceContext
    EntityManager em;

    public void record(StatusEvent event) {
        em.persist(event);
    }

    public List<StatusEvent> ofMessage(String messageId) {
        return em.createQuery(
                        "SELECT e FROM StatusEvent e WHERE e.messageId = :id ORDER BY e.reportedAt, e.receivedAt",
                        StatusEvent.class)
                .setParameter("id", messageId)
                .getResultList();
    }

    public List<StatusEvent> ofBatch(String batchId) {
        return find(batchId, null, 0, Page.MAX_SIZE).items();
    }

    public Page<StatusEvent> find(String batchId, String recipient, int page, int size) {
        return new Filters("StatusEvent")
                .equal("batchId", batchId)
                .equal("recipient", recipient)
                .page(em, StatusEvent.class, "e.reportedAt, e.receivedAt, e.id", page, size);
    }

    /** Reports for a recipient still waiting for their message since before the given time, newest first. */
    public List<StatusEvent> parkedSince(Instant receivedBefore, int limit) {
        return em.createQuery(
                        "SELECT e FROM StatusEvent e WHERE e.messageId IS NULL AND e.recipient IS NOT NULL"
                                + " AND e.receivedAt < :before ORDER BY e.receivedAt DESC",
                        StatusEvent.class)
                .setParameter("before", receivedBefore)
                .setMaxResults(limit)
                .getResultList();
    }
}
