package dev.smstrack.platform.persistence;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Leases in the database, so that work meant for one node of a cluster is done by one: a node takes
 * a lease that has run out, or renews its own, in one conditional update; the database decides
 * between two nodes trying at once. A node that stops renewing loses the lease when it runs out.
 */
@Stateless
@PermitAll
public class Leases {

    /** This JVM: the node's name, and a random part in case two nodes share one. */
    static final String HOLDER = System.getProperty("jboss.node.name", "node") + "/" + UUID.randomUUID();

    @PersistenceContext
    EntityManager em;

    /** True if this node holds the lease for the next {@code length}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean acquire(String name, Duration length) {
        Instant now = Instant.now();
        return em.createQuery("UPDATE Lease l SET l.holder = :me, l.expiresAt = :until"
                                + " WHERE l.name = :name AND (l.expiresAt < :now OR l.holder = :me)")
                        .setParameter("me", HOLDER)
                        .setParameter("until", now.plus(length))
                        .setParameter("name", name)
                        .setParameter("now", now)
                        .executeUpdate()
                == 1;
    }
}
