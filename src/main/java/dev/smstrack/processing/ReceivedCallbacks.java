package dev.smstrack.processing;

import dev.smstrack.platform.Filters;
import dev.smstrack.platform.Page;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/** Keeps every callback once, identified by its dedup key. */
@Stateless
public class ReceivedCallbacks {

    @PersistenceContext
    EntityManager em;

    public boolean isKnown(String dedupKey) {
        return !em.createQuery("SELECT c.id FROM ReceivedCallback c WHERE c.dedupKey = :key", String.class)
                .setParameter("key", dedupKey)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /**
     * Stores the callback and writes it at once, so that a concurrent duplicate fails here on the
     * unique dedup key rather than after its effects were applied.
     */
    public ReceivedCallback keep(
            String type,
            String dedupKey,
            ReceivedCallback.Outcome outcome,
            String problem,
            Instant receivedAt,
            byte[] rawBody) {
        var callback = new ReceivedCallback(
                type, dedupKey, outcome, problem, receivedAt, new String(rawBody, StandardCharsets.UTF_8));
        em.persist(callback);
        em.flush();
        return callback;
    }

    public Page<ReceivedCallback> find(ReceivedCallback.Outcome outcome, String type, int page, int size) {
        return new Filters("ReceivedCallback")
                .equal("outcome", outcome)
                .equal("type", type)
                .page(em, ReceivedCallback.class, "e.receivedAt DESC, e.id", page, size);
    }

    public Optional<ReceivedCallback> find(String id) {
        return Optional.ofNullable(em.find(ReceivedCallback.class, id));
    }
}
