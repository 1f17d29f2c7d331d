package dev.smstrack.processing;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/** Test-only bean that reads what the product keeps to itself: its JPA provider, its nonces. */
@Stateless
public class PersistenceProbe {

    @PersistenceContext
    EntityManager em;

    public String providerClass() {
        return em.getEntityManagerFactory().getClass().getName();
    }

    public Instant nonceExpiry(String nonce) {
        return em.createQuery("SELECT n.expiresAt FROM AcceptedNonce n WHERE n.nonce = :nonce", Instant.class)
                .setParameter("nonce", nonce)
                .getSingleResult();
    }
}
