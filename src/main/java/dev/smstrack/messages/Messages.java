package dev.smstrack.messages;

import dev.smstrack.platform.Filters;
import dev.smstrack.platform.Page;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores messages and finds them, for reading or, locked, for applying a report. */
@Stateless
public class Messages {

    @PersistenceContext
    EntityManager em;

    public void store(Message message) {
        em.persist(message);
        em.flush();
    }

    public Optional<Message> find(String id) {
        return Optional.ofNullable(em.find(Message.class, id));
    }

    /**
     * The message a report is about, locked until the transaction ends: by our reference first,
     * then by Sinch's batch id; both together with the recipient.
     */
    public Optional<Message> lockForReport(String clientReference, String batchId, String recipient) {
        if (recipient == null) {
            return Optional.empty();
        }
        if (clientReference != null) {
            var byReference = lockOne("e.clientReference = :key", clientReference, recipient);
            if (byReference.isPresent()) {
                return byReference;
            }
        }
        return batchId == null ? Optional.empty() : lockOne("e.batchId = :key", batchId, recipient);
    }

    /** The messages of one send request, by the client reference it was sent with. */
    public List<Message> withClientReference(String clientReference) {
        return byClientReference(clientReference).getResultList();
    }

    /** The same, locked until the transaction ends and read fresh from the database. */
    public List<Message> lockedWithClientReference(String clientReference) {
        return byClientReference(clientReference)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    private TypedQuery<Message> byClientReference(String clientReference) {
        return em.createQuery("SELECT e FROM Message e WHERE e.clientReference = :ref ORDER BY e.id", Message.class)
                .setParameter("ref", clientReference);
    }

    /** Just the recipients, without loading (and so without caching stale) messages. */
    public List<String> recipientsWithClientReference(String clientReference) {
        return em.createQuery(
                        "SELECT e.recipient FROM Message e WHERE e.clientReference = :ref ORDER BY e.id", String.class)
                .setParameter("ref", clientReference)
                .getResultList();
    }

    /** Messages Sinch accepted that have no final status yet, oldest first. */
    public List<Message> awaitingReports(Instant createdBefore, int limit) {
        return em.createQuery(
                        "SELECT e FROM Message e WHERE e.batchId IS NOT NULL AND e.createdAt < :before"
                                + " AND e.status IN :open"
                                + " ORDER BY e.createdAt",
                        Message.class)
                .setParameter("before", createdBefore)
                .setParameter("open", StatusLifecycle.AWAITING_REPORT)
                .setMaxResults(limit)
                .getResultList();
    }

    public Message lock(String id) {
        return em.find(Message.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Page<Message> find(MessageFilter filter, int page, int size) {
        return new Filters("Message")
                .equal("batchId", filter.batchId())
                .equal("recipient", filter.recipient())
                .equal("clientReference", filter.clientReference())
                .equal("status", filter.status())
                .page(em, Message.class, "e.createdAt DESC, e.id", page, size);
    }

    private Optional<Message> lockOne(String condition, String key, String recipient) {
        List<Message> found = em.createQuery(
                        "SELECT e FROM Message e WHERE " + condition + " AND e.recipient = :recipient ORDER BY e.id",
                        Message.class)
                .setParameter("key", key)
                .setParameter("recipient", recipient)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE) // no row limit: H2 rejects FOR UPDATE with LIMIT
                .getResultList();
        return found.stream().findFirst();
    }
}
