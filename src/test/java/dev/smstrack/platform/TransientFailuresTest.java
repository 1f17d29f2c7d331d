package dev.smstrack.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    private static Exception wrapped(Throwable cause) {
        return new EJBTransactionRolledbackException("rolled back", new PersistenceException("flush", cause));
    }

    @Test
    void aDeadlockALockTimeoutOrALostConnectionIsTransient() {
        assertTrue(TransientFailures.isTransient(
                wrapped(new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("Lock wait timeout", "40001"))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("Communications link failure", "08S01"))));
        assertTrue(TransientFailures.isTransient(wrapped(new jakarta.persistence.LockTimeoutException("timeout"))));
    }

    @Test
    void aFaultIsNot() {
        assertFalse(TransientFailures.isTransient(
                wrapped(new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062))));
        assertFalse(TransientFailures.isTransient(wrapped(new SQLException("syntax", "42000"))));
        assertFalse(TransientFailures.isTransient(new IllegalStateException("a bug")));
    }
}
