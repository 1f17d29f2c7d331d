package dev.smstrack.messages;

import dev.smstrack.platform.persistence.Filters;
import dev.smstrack.platform.persistence.PairLookup;
import dev.smstrack.platform.web.Page;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Stores messages and finds them, for reading or, locked, for applying a report. */
@Stateless
@PermitAll
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
     * The messages with these client references and recipients, locked until the transaction ends,
     * by {@link Key}; the first by id where several share both.
     */
    public Map<Key, Message> lockByClientReference(Set<Key> wanted) {
        return lockAll("e.clientReference", wanted, Message::clientReference);
    }

    /** The same by Sinch's batch id. */
    public Map<Key, Message> lockByBatchId(Set<Key> wanted) {
        return lockAll("e.batchId", wanted, Message::batchId);
    }

    /** How the maps above find a message: by reference or batch id, and recipient. */
    public record Key(String reference, String recipient) {

        /** Rows by such keys, each its own condition on the key's column and the recipient's. */
        public static final PairLookup<Key> LOOKUP = new PairLookup<>(Key::reference, Key::recipient);
    }

    /** The messages of one send request, by the client reference it was sent with. */
    public List<Message> withClientReference(String clientReference) {
        return byClientReference(clientReference).getResultList();
    }

    /** The messages of one batch, locked until the transaction ends. */
    public List<Message> lockedWithBatchId(String batchId) {
        return em.createQuery("SELECT e FROM Message e WHERE e.batchId = :batch ORDER BY e.id", Message.class)
                .setParameter("batch", batchId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
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

    /** Messages whose reconciliation check is due, the longest due first, so that none starves. */
    public List<DueCheck> dueForCheck(Instant now, int limit) {
        return em.createQuery(
                        "SELECT NEW dev.smstrack.messages.DueCheck(e.id, e.batchId, e.recipient, e.createdAt,"
                                + " e.scheduledFor, e.checks)"
                                + " FROM Message e WHERE e.nextCheckAt <= :now AND e.batchId IS NOT NULL"
                                + " ORDER BY e.nextCheckAt, e.id",
                        DueCheck.class)
                .setParameter("now", now)
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
                .in("status", filter.statuses())
                .atLeast("createdAt", filter.sentFrom())
                .below("createdAt", filter.sentBefore())
                .in("status", Boolean.TRUE.equals(filter.isFinal()) ? StatusLifecycle.finalSpellings() : null)
                .notIn("status", Boolean.FALSE.equals(filter.isFinal()) ? StatusLifecycle.finalSpellings() : null)
                .page(em, Message.class, "e.createdAt DESC, e.id", page, size);
    }

    private Map<Key, Message> lockAll(String field, Set<Key> wanted, Function<Message, String> keyOf) {
        List<Message> found =
                new ArrayList<>(Key.LOOKUP.resultList(wanted, field, "e.recipient", condition -> em.createQuery(
                                "SELECT e FROM Message e WHERE " + condition, Message.class)
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE)));
        found.sort(Comparator.comparing(Message::id));
        Map<Key, Message> locked = new HashMap<>();
        found.forEach(message -> locked.putIfAbsent(new Key(keyOf.apply(message), message.recipient()), message));
        return locked;
    }
}
