package dev.smstrack.processing;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Test-only bean that reads what the product keeps to itself: its JPA provider, its nonces. */
@Stateless
public class PersistenceProbe {

    @PersistenceContext
    EntityManager em;

    public String providerClass() {
        return em.getEntityManagerFactory().getClass().getName();
    }

    public long callbacksWithNonce(String nonce) {
        return em.createQuery("SELECT COUNT(c) FROM ReceivedCallback c WHERE c.nonce = :nonce", Long.class)
                .setParameter("nonce", nonce)
                .getSingleResult();
    }
}
