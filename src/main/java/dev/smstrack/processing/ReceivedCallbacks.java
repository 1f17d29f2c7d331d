package dev.smstrack.processing;

import dev.smstrack.platform.persistence.Filters;
import dev.smstrack.platform.web.Page;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Keeps every callback once, identified by its dedup key. */
@Stateless
@PermitAll
public class ReceivedCallbacks {

    @PersistenceContext
    EntityManager em;

    /**
     * Stores those of these callbacks that are new and returns them: a callback whose nonce was used
     * before (a replay) or whose dedup key is known (a retry or duplicate), stored or earlier in the
     * list, changes nothing. One query for the whole list; the rows are written at once, so that a
     * concurrent duplicate fails here, on a unique key, rather than after its effects were applied.
     */
    public List<ReceivedCallback> keepNew(List<ReceivedCallback> callbacks) {
        Set<String> nonces = new HashSet<>();
        Set<String> dedupKeys = new HashSet<>();
        for (Object[] known : knownAmong(callbacks)) {
            if (known[0] != null) {
                nonces.add((String) known[0]);
            }
            dedupKeys.add((String) known[1]);
        }
        List<ReceivedCallback> kept = new ArrayList<>();
        for (ReceivedCallback callback : callbacks) {
            boolean replay = callback.nonce() != null && !nonces.add(callback.nonce());
            if (!replay && dedupKeys.add(callback.dedupKey())) {
                em.persist(callback);
                kept.add(callback);
            }
        }
        try {
            em.flush();
        } catch (PersistenceException refused) {
            if (ConcurrentDuplicateException.isUniqueKeyRefusal(refused)) {
                throw new ConcurrentDuplicateException(refused);
            }
            throw refused;
        }
        return kept;
    }

    private List<Object[]> knownAmong(List<ReceivedCallback> callbacks) {
        List<String> nonces = callbacks.stream()
                .map(ReceivedCallback::nonce)
                .filter(Objects::nonNull)
                .toList();
        List<String> dedupKeys =
                callbacks.stream().map(ReceivedCallback::dedupKey).toList();
        if (dedupKeys.isEmpty()) {
            return List.of();
        }
        String byNonce = nonces.isEmpty() ? "" : " OR c.nonce IN :nonces";
        var query = em.createQuery(
                        "SELECT c.nonce, c.dedupKey FROM ReceivedCallback c WHERE c.dedupKey IN :keys" + byNonce,
                        Object[].class)
                .setParameter("keys", dedupKeys);
        if (!nonces.isEmpty()) {
            query.setParameter("nonces", nonces);
        }
        return query.getResultList();
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
