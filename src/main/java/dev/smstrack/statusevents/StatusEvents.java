package dev.smstrack.statusevents;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Stores and finds status events, in the caller's transaction. */
@Stateless
public class StatusEvents {

    @PersistenceContext
    EntityManager em;

    public void record(StatusEvent event) {
        em.persist(event);
    }

    public List<StatusEvent> ofBatch(String batchId) {
        return em.createNamedQuery(StatusEvent.BY_BATCH, StatusEvent.class)
                .setParameter("batchId", batchId)
                .getResultList();
    }
}
