package dev.smstrack.processing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.BatchUpdateException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class ConcurrentDuplicateExceptionTest {

    /** As EclipseLink reports a batch that MariaDB refused on the dedup key. */
    @Test
    void aUniqueKeyRefusalIsFoundUnderTheProvidersWrapping() {
        var batch = new BatchUpdateException("batch refused", new int[0]);
        batch.initCause(new SQLIntegrityConstraintViolationException(
                "Duplicate entry for key 'callback_dedup_key'", "23000", 1062));
        var refused = new PersistenceException("flush failed", new RuntimeException("DatabaseException", batch));

        assertTrue(ConcurrentDuplicateException.isUniqueKeyRefusal(refused));
    }

    /** As H2 reports it: the standard's state for a unique violation. */
    @Test
    void h2sUniqueViolationIsOneToo() {
        var refused = new PersistenceException(
                new SQLIntegrityConstraintViolationException("Unique index or primary key violation", "23505", 23505));

        assertTrue(ConcurrentDuplicateException.isUniqueKeyRefusal(refused));
    }

    /** A broken callback (a NOT NULL column refused, on MariaDB or H2) is no race: it must fail as it did. */
    @Test
    void anotherIntegrityRefusalIsNoDuplicate() {
        var mariadb = new PersistenceException(
                new SQLIntegrityConstraintViolationException("Column 'received_at_ms' cannot be null", "23000", 1048));
        var h2 = new PersistenceException(
                new SQLIntegrityConstraintViolationException("NULL not allowed for column", "23502", 23502));

        assertFalse(ConcurrentDuplicateException.isUniqueKeyRefusal(mariadb));
        assertFalse(ConcurrentDuplicateException.isUniqueKeyRefusal(h2));
    }

    /** A database that went away is no duplicate: it stays a system failure, logged and waited out. */
    @Test
    void aLostConnectionIsNoDuplicate() {
        var lost = new PersistenceException(new SQLTransientConnectionException("Communications link failure"));

        assertFalse(ConcurrentDuplicateException.isUniqueKeyRefusal(lost));
        assertFalse(ConcurrentDuplicateException.isUniqueKeyRefusal(new PersistenceException("no cause")));
    }
}
