package dev.smstrack.processing;

import dev.smstrack.platform.Filters;
import dev.smstrack.platform.Page;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Keeps every callback once, identified by its dedup key. */
@Stateless
@PermitAll
public class ReceivedCallbacks {

    @PersistenceContext
    EntityManager em;

    /**
     * Stores those of these callbacks that are new, that is, whose dedup key is neither stored nor
     * earlier in the list, and writes them at once, so that a concurrent duplicate fails here on
     * the unique dedup key rather than after its effects were applied. Returns the ones stored.
     */
    public List<ReceivedCallback> keepNew(List<ReceivedCallback> callbacks) {
        Set<String> known = new HashSet<>(
                knownAmong(callbacks.stream().map(ReceivedCallback::dedupKey).toList()));
        List<ReceivedCallback> kept = new ArrayList<>();
        for (ReceivedCallback callback : callbacks) {
            if (known.add(callback.dedupKey())) {
                em.persist(callback);
                kept.add(callback);
            }
        }
        em.flush();
        return kept;
    }

    private List<String> knownAmong(List<String> dedupKeys) {
        if (dedupKeys.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT c.dedupKey FROM ReceivedCallback c WHERE c.dedupKey IN :keys", String.class)
                .setParameter("keys", dedupKeys)
                .getResultList();
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
