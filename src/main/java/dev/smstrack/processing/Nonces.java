package dev.smstrack.processing;

import dev.smstrack.callbacks.CallbackAuthentication;
import dev.smstrack.callbacks.QueuedCallback;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The signature nonces accepted within the tolerance window, in the database so that every node
 * and every restart sees the same ones. Two nodes recording one nonce at once collide on its
 * primary key; the loser's transaction rolls back and its redelivery finds the nonce taken.
 */
@Stateless
@PermitAll
public class Nonces {

    @PersistenceContext
    EntityManager em;

    @Inject
    CallbackAuthentication authentication;

    /**
     * Records the nonces of these callbacks and returns the callbacks whose nonce is used for the
     * first time (or who have none), in their order: a nonce already accepted, or earlier in the
     * list, marks a replay. One query for the whole list.
     */
    public List<QueuedCallback> firstUses(List<QueuedCallback> callbacks) {
        Set<String> used = new HashSet<>(alreadyAccepted(callbacks.stream()
                .map(QueuedCallback::nonce)
                .filter(Objects::nonNull)
                .toList()));
        List<QueuedCallback> firstUses = new ArrayList<>();
        for (QueuedCallback callback : callbacks) {
            if (callback.nonce() == null) {
                firstUses.add(callback);
            } else if (used.add(callback.nonce())) {
                em.persist(new AcceptedNonce(callback.nonce(), callback.receivedAt(), expiryOf(callback)));
                firstUses.add(callback);
            }
        }
        return firstUses;
    }

    /**
     * A replay passes the signature check until its timestamp is older than the tolerance; the
     * arrival time stands in for a timestamp ahead of it (within the skew) or unknown.
     */
    private Instant expiryOf(QueuedCallback callback) {
        Instant signedAt = callback.signedAt();
        Instant from = signedAt != null && signedAt.isAfter(callback.receivedAt()) ? signedAt : callback.receivedAt();
        return from.plus(authentication.nonceWindow());
    }

    private List<String> alreadyAccepted(List<String> nonces) {
        if (nonces.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT n.nonce FROM AcceptedNonce n WHERE n.nonce IN :nonces", String.class)
                .setParameter("nonces", nonces)
                .getResultList();
    }

    @Schedule(hour = "*", minute = "*/5", persistent = false)
    void purgeExpired() {
        em.createQuery("DELETE FROM AcceptedNonce n WHERE n.expiresAt < :now")
                .setParameter("now", Instant.now())
                .executeUpdate();
    }
}
