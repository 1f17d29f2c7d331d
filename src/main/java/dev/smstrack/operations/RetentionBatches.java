package dev.smstrack.operations;

import dev.smstrack.platform.Ids;
import dev.smstrack.platform.PhoneNumbers;
import dev.smstrack.privacy.Pseudonyms;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * Deletes one bounded batch of old rows, in a transaction of its own: a purge is many short
 * transactions, never one DELETE that locks a table. Rows are found through their primary key
 * (time-ordered ids, see {@link Ids}) so that no index of their own is needed, and checked against
 * their time column, so that only rows older than the cutoff go.
 */
@Stateless
@PermitAll
public class RetentionBatches {

    /** What is purged: the entity, its time column and, for callbacks, what still refers to them. */
    public enum Kept {
        STATUS_EVENTS("StatusEvent", "receivedAt", ""),
        INBOUND_MESSAGES("InboundMessage", "receivedAt", ""),
        SUBMISSIONS("Submission", "createdAt", ""),
        CALLBACK_FAILURES("CallbackFailure", "failedAt", ""),
        SENDING_REFUSALS("SendingRefusal", "refusedAt", ""),
        // A callback goes once no status event or inbound message of it is left (foreign keys).
        CALLBACKS(
                "ReceivedCallback",
                "receivedAt",
                " AND NOT EXISTS (SELECT s FROM StatusEvent s WHERE s.callbackId = e.id)"
                        + " AND NOT EXISTS (SELECT i FROM InboundMessage i WHERE i.callbackId = e.id)");

        final String entity;
        final String timeField;
        final String unreferenced;

        Kept(String entity, String timeField, String unreferenced) {
            this.entity = entity;
            this.timeField = timeField;
            this.unreferenced = unreferenced;
        }
    }

    static final String RECIPIENTS_PROGRESS = "message_recipients";

    @PersistenceContext
    EntityManager em;

    @Inject
    Pseudonyms pseudonyms;

    /**
     * Replaces the recipient of up to {@code most} messages sent before {@code cutoff}, from where the
     * last batch stopped, by its keyed pseudonym (the one an erasure gives it); returns how many
     * messages it went through. Their statuses, and so the statistics, stay.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int forgetRecipientsOlder(Instant cutoff, int most) {
        String after = (String) em.createNativeQuery("SELECT up_to_id FROM retention_progress WHERE name = ?")
                .setParameter(1, RECIPIENTS_PROGRESS)
                .getSingleResult();
        List<Object[]> messages = em.createQuery(
                        "SELECT m.id, m.recipient FROM Message m WHERE m.id > :after AND m.id < :bound"
                                + " ORDER BY m.id",
                        Object[].class)
                .setParameter("after", after)
                .setParameter("bound", Ids.firstAt(cutoff))
                .setMaxResults(most)
                .getResultList();
        if (messages.isEmpty()) {
            return 0;
        }
        for (Object[] message : messages) {
            String recipient = (String) message[1];
            if (!recipient.startsWith(Pseudonyms.PREFIX)) {
                em.createQuery("UPDATE Message m SET m.recipient = :pseudonym WHERE m.id = :id")
                        .setParameter("pseudonym", pseudonyms.of(PhoneNumbers.e164(recipient)))
                        .setParameter("id", message[0])
                        .executeUpdate();
            }
        }
        em.createNativeQuery("UPDATE retention_progress SET up_to_id = ? WHERE name = ?")
                .setParameter(1, messages.get(messages.size() - 1)[0])
                .setParameter(2, RECIPIENTS_PROGRESS)
                .executeUpdate();
        return messages.size();
    }

    /** Deletes up to {@code most} rows of the kind older than {@code cutoff}; returns how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int deleteOlder(Kept kind, Instant cutoff, int most) {
        List<String> ids = em.createQuery(
                        "SELECT e.id FROM " + kind.entity + " e WHERE e.id < :bound AND e." + kind.timeField
                                + " < :cutoff" + kind.unreferenced + " ORDER BY e.id",
                        String.class)
                .setParameter("bound", Ids.firstAt(cutoff))
                .setParameter("cutoff", cutoff)
                .setMaxResults(most)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("DELETE FROM " + kind.entity + " e WHERE e.id IN :ids")
                .setParameter("ids", ids)
                .executeUpdate();
    }
}
