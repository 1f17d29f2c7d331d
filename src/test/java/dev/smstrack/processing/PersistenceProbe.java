package dev.smstrack.processing;

import dev.smstrack.messages.Message;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Test-only bean that reads what the product keeps to itself (its JPA provider, its nonces) and
 * holds a row lock as a concurrent transaction would.
 */
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

    /** Locks the message in a transaction of its own, says so, and holds it until released (30 s at most). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void holdLocked(String messageId, CountDownLatch held, CountDownLatch release) throws InterruptedException {
        em.find(Message.class, messageId, LockModeType.PESSIMISTIC_WRITE);
        held.countDown();
        release.await(30, TimeUnit.SECONDS);
    }
}
