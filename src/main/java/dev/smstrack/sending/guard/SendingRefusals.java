package dev.smstrack.sending.guard;

import dev.smstrack.platform.Ids;
import dev.smstrack.platform.PhoneNumbers;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * The sends the guard refused, kept for operators: who, when, which rule and why, any number in it
 * masked ({@code +46701****67}). Recorded in a transaction of its own, since the send itself is
 * rolled back; deleted after {@code RETENTION_DAYS}.
 */
@Stateless
@PermitAll
public class SendingRefusals {

    /** A refusal as operators see it. */
    public record Kept(Instant at, String user, String rule, String field, String detail) {}

    private static final int DETAIL = 255;

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(String user, Refusal refusal, Instant at) {
        String detail = PhoneNumbers.maskedIn(refusal.problem());
        em.persist(new SendingRefusal(
                Ids.newIdAt(at.toEpochMilli()),
                at,
                user,
                refusal.rule().label(),
                refusal.field(),
                detail.length() > DETAIL ? detail.substring(0, DETAIL - 1) + "…" : detail));
    }

    /** The latest refusals, newest first. */
    public List<Kept> latest(int most) {
        return em.createQuery(
                        "SELECT r FROM SendingRefusal r ORDER BY r.refusedAt DESC, r.id DESC", SendingRefusal.class)
                .setMaxResults(most)
                .getResultStream()
                .map(SendingRefusal::view)
                .toList();
    }
}
