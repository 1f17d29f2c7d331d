package dev.smstrack.processing;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Test-only bean that tells which JPA provider serves the product's persistence unit. */
@Stateless
public class PersistenceProbe {

    @PersistenceContext
    EntityManager em;

    public String providerClass() {
        return em.getEntityManagerFactory().getClass().getName();
    }
}
