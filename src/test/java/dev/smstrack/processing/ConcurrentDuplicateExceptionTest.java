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
        batch.initCause(new SQLIntegrityConstraintViolationException("Duplicate entry for key 'callback_dedup_key'"));
        var refused = new PersistenceException("flush failed", new RuntimeException("DatabaseException", batch));

        assertTrue(ConcurrentDuplicateException.isUniqueKeyRefusal(refused));
    }

    /** A database that went away is no duplicate: it stays a system failure, logged and waited out. */
    @Test
    void aLostConnectionIsNoDuplicate() {
        var lost = new PersistenceException(new SQLTransientConnectionException("Communications link failure"));

        assertFalse(ConcurrentDuplicateException.isUniqueKeyRefusal(lost));
        assertFalse(ConcurrentDuplicateException.isUniqueKeyRefusal(new PersistenceException("no cause")));
    }
}
