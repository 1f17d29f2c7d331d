package dev.smstrack.erasure;

import dev.smstrack.callbacks.payload.CallbackParser;
import dev.smstrack.callbacks.payload.MalformedCallbackException;
import dev.smstrack.platform.Digests;
import dev.smstrack.platform.Ids;
import dev.smstrack.privacy.ErasedNumbers;
import dev.smstrack.privacy.NumbersInText;
import dev.smstrack.processing.DeadLetters;
import dev.smstrack.security.Roles;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Erases one phone number, matched as a number (never inside another number, an id or a key):
 * messages and status events keep their statuses under the number's keyed pseudonym; inbound
 * messages from or to it are deleted, bodies and all; every raw callback, send request error and
 * dead letter that holds it gets the pseudonym in its place (a stored callback also the dedup key
 * that it would get arriving so); the text of every send request to it is erased. The number is
 * remembered as erased, by its pseudonym only: whatever arrives about it afterwards, or waits on
 * the queue now, is stored with the pseudonym, and still finds its message.
 */
@Stateless
@RolesAllowed(Roles.OPERATOR)
public class PhoneNumberErasure {

    static final String ERASED_TEXT = "(erased)";

    @PersistenceContext
    EntityManager em;

    @Inject
    ErasedNumbers erasedNumbers;

    @Inject
    DeadLetters deadLetters;

    @Resource
    SessionContext caller;

    /** Erases the number, given in E.164 ("+46701234567"). */
    public Erased erase(String e164) {
        String digits = e164.substring(1);
        List<String> forms = List.of(e164, digits);
        String pseudonym = erasedNumbers.remember(e164);
        int submissions = update(
                "UPDATE Submission s SET s.body = :erased WHERE s.id IN"
                        + " (SELECT m.clientReference FROM Message m WHERE m.recipient IN :forms)",
                forms,
                ERASED_TEXT);
        submissions += rewrite("submission", "error_text", digits, text -> NumbersInText.masked(text, e164, pseudonym));
        int messages =
                update("UPDATE Message m SET m.recipient = :erased WHERE m.recipient IN :forms", forms, pseudonym);
        int events =
                update("UPDATE StatusEvent e SET e.recipient = :erased WHERE e.recipient IN :forms", forms, pseudonym);
        int inbound = em.createQuery("DELETE FROM InboundMessage i WHERE i.sender IN :forms OR i.recipient IN :forms")
                .setParameter("forms", forms)
                .executeUpdate();
        int callbacks = rewriteCallbacks(digits, text -> NumbersInText.masked(text, e164, pseudonym));
        int letters = deadLetters.rewriteHolding(digits, text -> NumbersInText.masked(text, e164, pseudonym));
        var audit = new Erased(Ids.newId(), messages, events, callbacks, inbound, submissions, letters);
        em.createNativeQuery("INSERT INTO erasure (id, requested_by, erased_at_ms, messages, status_events, callbacks,"
                        + " inbound_messages, submissions, dead_letters) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, audit.id())
                .setParameter(2, caller.getCallerPrincipal().getName())
                .setParameter(3, System.currentTimeMillis())
                .setParameter(4, messages)
                .setParameter(5, events)
                .setParameter(6, callbacks)
                .setParameter(7, inbound)
                .setParameter(8, submissions)
                .setParameter(9, letters)
                .executeUpdate();
        return audit;
    }

    private int update(String statement, List<String> forms, String value) {
        return em.createQuery(statement)
                .setParameter("forms", forms)
                .setParameter("erased", value)
                .executeUpdate();
    }

    /** Every stored callback whose raw body holds the number (a scan: erasures are rare), masked. */
    private int rewriteCallbacks(String digits, UnaryOperator<String> mask) {
        @SuppressWarnings("unchecked")
        List<Object[]> holding = em.createNativeQuery("SELECT id, payload, outcome FROM callback WHERE payload LIKE ?")
                .setParameter(1, "%" + digits + "%")
                .getResultList();
        int rewritten = 0;
        for (Object[] callback : holding) {
            String masked = mask.apply((String) callback[1]);
            if (!masked.equals(callback[1])) {
                em.createNativeQuery("UPDATE callback SET payload = ?, dedup_key = ? WHERE id = ?")
                        .setParameter(1, masked)
                        .setParameter(2, dedupKeyOf(masked.getBytes(StandardCharsets.UTF_8)))
                        .setParameter(3, callback[0])
                        .executeUpdate();
                rewritten++;
            }
        }
        return rewritten;
    }

    /** The key the consumer gives the callback when it arrives so, masked: a retry of it still changes nothing. */
    private static String dedupKeyOf(byte[] body) {
        try {
            return CallbackParser.parse(body).dedupKey();
        } catch (MalformedCallbackException unreadable) {
            return Digests.sha256(body);
        }
    }

    /** Every value of the column that holds the number, masked; returns how many rows changed. */
    private int rewrite(String table, String column, String digits, UnaryOperator<String> mask) {
        @SuppressWarnings("unchecked")
        List<Object[]> holding = em.createNativeQuery(
                        "SELECT id, " + column + " FROM " + table + " WHERE " + column + " LIKE ?")
                .setParameter(1, "%" + digits + "%")
                .getResultList();
        int rewritten = 0;
        for (Object[] row : holding) {
            String masked = mask.apply((String) row[1]);
            if (!masked.equals(row[1])) {
                em.createNativeQuery("UPDATE " + table + " SET " + column + " = ? WHERE id = ?")
                        .setParameter(1, masked)
                        .setParameter(2, row[0])
                        .executeUpdate();
                rewritten++;
            }
        }
        return rewritten;
    }
}
