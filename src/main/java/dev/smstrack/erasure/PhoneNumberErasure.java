package dev.smstrack.erasure;

import dev.smstrack.platform.Digests;
import dev.smstrack.platform.Ids;
import dev.smstrack.processing.CallbackFailures;
import dev.smstrack.processing.DeadLetters;
import dev.smstrack.security.Roles;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Erases one phone number: messages and status events keep their statuses under a random
 * pseudonym (no hash: ten-digit numbers are few enough to be hashed back); inbound messages from or
 * to it are deleted, bodies and all; every raw callback that holds it is rewritten with the
 * pseudonym, and its dedup key replaced; the text of every send request to it is erased; dead
 * letters that hold it are dropped. Callbacks still on the processing queue are not reached: an
 * erasure run again after they are stored takes them.
 */
@Stateless
@RolesAllowed(Roles.OPERATOR)
public class PhoneNumberErasure {

    static final String ERASED_TEXT = "(erased)";

    @PersistenceContext
    EntityManager em;

    @Inject
    DeadLetters deadLetters;

    @Inject
    CallbackFailures failures;

    @Resource
    SessionContext caller;

    /** Erases the number, given in E.164 ("+46701234567"). */
    public Erased erase(String e164) {
        String digits = e164.substring(1);
        List<String> forms = List.of(e164, digits);
        String pseudonym = "erased-" + Ids.newId().substring(24);
        int submissions = update(
                "UPDATE Submission s SET s.body = :erased WHERE s.id IN"
                        + " (SELECT m.clientReference FROM Message m WHERE m.recipient IN :forms)",
                forms,
                ERASED_TEXT);
        int messages =
                update("UPDATE Message m SET m.recipient = :erased WHERE m.recipient IN :forms", forms, pseudonym);
        int events =
                update("UPDATE StatusEvent e SET e.recipient = :erased WHERE e.recipient IN :forms", forms, pseudonym);
        int inbound = em.createQuery("DELETE FROM InboundMessage i WHERE i.sender IN :forms OR i.recipient IN :forms")
                .setParameter("forms", forms)
                .executeUpdate();
        int callbacks = rewriteCallbacks(digits, pseudonym);
        int dropped = deadLetters.dropContaining(digits);
        var audit = new Erased(Ids.newId(), messages, events, callbacks, inbound, submissions, dropped);
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
                .setParameter(9, dropped)
                .executeUpdate();
        return audit;
    }

    private int update(String statement, List<String> forms, String value) {
        return em.createQuery(statement)
                .setParameter("forms", forms)
                .setParameter("erased", value)
                .executeUpdate();
    }

    /** Every stored callback whose raw body holds the number (a scan: erasures are rare). */
    private int rewriteCallbacks(String digits, String pseudonym) {
        Pattern number = Pattern.compile("\\+?" + digits);
        @SuppressWarnings("unchecked")
        List<Object[]> holding = em.createNativeQuery("SELECT id, payload FROM callback WHERE payload LIKE ?")
                .setParameter(1, "%" + digits + "%")
                .getResultList();
        failures.forget(holding.stream().map(callback -> (String) callback[0]).toList());
        for (Object[] callback : holding) {
            em.createNativeQuery("UPDATE callback SET payload = ?, dedup_key = ? WHERE id = ?")
                    .setParameter(1, number.matcher((String) callback[1]).replaceAll(pseudonym))
                    .setParameter(2, Digests.sha256("erased", Ids.newId()))
                    .setParameter(3, callback[0])
                    .executeUpdate();
        }
        return holding.size();
    }
}
