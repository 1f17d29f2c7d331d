package dev.smstrack.processing;

import jakarta.ejb.ApplicationException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.Set;

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

    /** MySQL's and MariaDB's code for a duplicate key (ER_DUP_ENTRY), and with the key's name. */
    private static final Set<Integer> DUPLICATE_KEY_CODES = Set.of(1062, 1586);

    /** The SQL standard's state for a unique violation, as H2 gives it (MySQL gives 23000 for all). */
    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * Whether the database refused a row on a unique key, somewhere along the causes; not any other
     * integrity refusal (a NOT NULL column, a foreign key), which is a broken callback, not a race.
     */
    static boolean isUniqueKeyRefusal(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException refusal
                    && (UNIQUE_VIOLATION.equals(refusal.getSQLState())
                            || DUPLICATE_KEY_CODES.contains(refusal.getErrorCode()))) {
                return true;
            }
        }
        return false;
    }
}
