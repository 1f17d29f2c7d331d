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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        UnaryOperator<String> mask = text -> NumbersInText.masked(text, e164, pseudonym);
        int submissions = update(
                "UPDATE Submission s SET s.body = :erased, s.parameters = NULL WHERE s.id IN"
                        + " (SELECT m.clientReference FROM Message m WHERE m.recipient IN :forms)",
                forms,
                ERASED_TEXT);
        submissions += rewriteErrors(digits, mask);
        int messages =
                update("UPDATE Message m SET m.recipient = :erased WHERE m.recipient IN :forms", forms, pseudonym);
        int events =
                update("UPDATE StatusEvent e SET e.recipient = :erased WHERE e.recipient IN :forms", forms, pseudonym);
        int inbound = em.createQuery("DELETE FROM InboundMessage i WHERE i.sender IN :forms OR i.recipient IN :forms")
                .setParameter("forms", forms)
                .executeUpdate();
        int callbacks = rewriteCallbacks(digits, mask);
        int letters = deadLetters.rewriteHolding(digits, mask);
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
        var masked = maskedRows("callback", "payload", digits, mask);
        masked.forEach(
                (id, payload) -> em.createNativeQuery("UPDATE callback SET payload = ?, dedup_key = ? WHERE id = ?")
                        .setParameter(1, payload)
                        .setParameter(2, dedupKeyOf(payload.getBytes(StandardCharsets.UTF_8)))
                        .setParameter(3, id)
                        .executeUpdate());
        return masked.size();
    }

    /** Every send request whose error (Sinch's answer) names the number, masked. */
    private int rewriteErrors(String digits, UnaryOperator<String> mask) {
        var masked = maskedRows("submission", "error_text", digits, mask);
        masked.forEach((id, error) -> em.createNativeQuery("UPDATE submission SET error_text = ? WHERE id = ?")
                .setParameter(1, error)
                .setParameter(2, id)
                .executeUpdate());
        return masked.size();
    }

    /** The key the consumer gives the callback when it arrives so, masked: a retry of it still changes nothing. */
    private static String dedupKeyOf(byte[] body) {
        try {
            return CallbackParser.parse(body).dedupKey();
        } catch (MalformedCallbackException unreadable) {
            return Digests.sha256(body);
        }
    }

    /**
     * The rows whose column holds the digits (a LIKE scan: erasures are rare) and that masking
     * changes, by id, with their masked value: a longer number holding the digits is not changed.
     */
    private Map<Object, String> maskedRows(String table, String column, String digits, UnaryOperator<String> mask) {
        @SuppressWarnings("unchecked")
        List<Object[]> holding = em.createNativeQuery(
                        "SELECT id, " + column + " FROM " + table + " WHERE " + column + " LIKE ?")
                .setParameter(1, "%" + digits + "%")
                .getResultList();
        Map<Object, String> masked = new LinkedHashMap<>();
        for (Object[] row : holding) {
            String value = mask.apply((String) row[1]);
            if (!value.equals(row[1])) {
                masked.put(row[0], value);
            }
        }
        return masked;
    }
}
