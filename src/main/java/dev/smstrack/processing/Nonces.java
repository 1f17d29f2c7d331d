package dev.smstrack.processing;

import dev.smstrack.callbacks.CallbackAuthentication;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * The signature nonces accepted within the tolerance window, in the database so that every node
 * and every restart sees the same ones. Two nodes recording one nonce at once collide on its
 * primary key; the loser's transaction rolls back and its redelivery finds the nonce taken.
 */
@Stateless
public class Nonces {

    @PersistenceContext
    EntityManager em;

    @Inject
    CallbackAuthentication authentication;

    /** Records the nonce; false if it was already accepted, that is, this is a replay. */
    public boolean firstUse(String nonce, Instant acceptedAt) {
        if (em.find(AcceptedNonce.class, nonce) != null) {
            return false;
        }
        em.persist(new AcceptedNonce(nonce, acceptedAt));
        return true;
    }

    @Schedule(hour = "*", minute = "*/5", persistent = false)
    void purgeExpired() {
        Instant expired = Instant.now().minus(authentication.nonceWindow());
        em.createQuery("DELETE FROM AcceptedNonce n WHERE n.acceptedAt < :expired")
                .setParameter("expired", expired)
                .executeUpdate();
    }
}
