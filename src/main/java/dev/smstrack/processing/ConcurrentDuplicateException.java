package dev.smstrack.processing;

import jakarta.ejb.ApplicationException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLIntegrityConstraintViolationException;

/**
 * A callback of the list was stored by a concurrent list at the same moment (one callback that
 * arrived twice at once, in two lists): its unique key refused this list's row. Expected, and over
 * once the other transaction has committed, when the list is tried again and skips it. An
 * application exception that rolls the transaction back, so that the EJB container does not log
 * an error with a stack trace for it.
 */
@ApplicationException(rollback = true)
public class ConcurrentDuplicateException extends RuntimeException {

    ConcurrentDuplicateException(PersistenceException cause) {
        super("a callback of the list was stored at the same moment by another", cause);
    }

    /** Whether the database refused a row on a unique key, somewhere along the causes. */
    static boolean isUniqueKeyRefusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }
}
