package dev.smstrack.platform;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Whether a failure is the database's passing refusal (a deadlock it broke, a lock wait that timed
 * out, a connection it could not give or lost) rather than a fault: the same request, repeated,
 * would succeed. Such failures are answered 503 with Retry-After, never 500.
 */
public final class TransientFailures {

    private TransientFailures() {}

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof LockTimeoutException
                    || cause instanceof PessimisticLockException) {
                return true;
            }
            // 40: the transaction was rolled back (deadlock, serialization); 08: the connection failed.
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("40") || sql.getSQLState().startsWith("08"))) {
                return true;
            }
        }
        return false;
    }
}
