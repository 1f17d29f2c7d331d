package dev.smstrack.processing;

import dev.smstrack.platform.Texts;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Keeps why a callback failed, beside the attempt that the broker will redeliver (or dead-letter):
 * the reason must outlive the rolled-back transaction, and be readable on any node.
 */
@Stateless
@PermitAll
public class CallbackFailures {

    /** Enough for the exception and its message. */
    static final int MOST_CHARACTERS = 1000;

    /** A number of seven digits or more, however written, may be someone's: none is kept. */
    private static final Pattern DIGITS = Pattern.compile("\\+?\\d(?:[ -]?\\d){6,}");

    @PersistenceContext
    EntityManager em;

    /** Records the failures, by callback id, in one transaction of its own: the one that failed is rolled back. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(Map<String, Throwable> causes) {
        Instant now = Instant.now();
        causes.forEach((callbackId, cause) -> {
            CallbackFailure failure = em.find(CallbackFailure.class, callbackId);
            if (failure == null) {
                failure = new CallbackFailure(callbackId);
                em.persist(failure);
            }
            failure.failed(now, reasonOf(cause));
        });
    }

    /** The reasons kept for these callbacks, by callback id; those without one are left out. */
    public Map<String, String> reasonsOf(Collection<String> callbackIds) {
        if (callbackIds.isEmpty()) {
            return Map.of();
        }
        List<CallbackFailure> found = em.createQuery(
                        "SELECT f FROM CallbackFailure f WHERE f.id IN :ids", CallbackFailure.class)
                .setParameter("ids", callbackIds)
                .getResultList();
        return found.stream().collect(Collectors.toMap(CallbackFailure::callbackId, CallbackFailure::reason));
    }

    /** The innermost cause says what went wrong; the outer ones only where it happened. */
    static String reasonOf(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return Texts.cut(DIGITS.matcher(root.getClass().getName() + message).replaceAll("#######"), MOST_CHARACTERS);
    }
}
