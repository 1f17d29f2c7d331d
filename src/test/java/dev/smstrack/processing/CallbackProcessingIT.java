package dev.smstrack.processing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smstrack.callbacks.CallbackQueue;
import dev.smstrack.platform.DatabaseMigrations;
import dev.smstrack.statusevents.StatusEvent;
import dev.smstrack.statusevents.StatusEvents;
import dev.smstrack.testing.Deployments;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Inside the server: the JMS hand-off is transactional, and the consumer stores through EclipseLink. */
@ExtendWith(ArquillianExtension.class)
class CallbackProcessingIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.productWarWith(CallbackProcessingIT.class, PersistenceProbe.class);
    }

    @Inject
    CallbackQueue queue;

    @Inject
    StatusEvents statusEvents;

    @Inject
    PersistenceProbe persistence;

    @Resource
    UserTransaction transaction;

    @Resource(lookup = DatabaseMigrations.DATASOURCE)
    DataSource dataSource;

    @Test
    void runsOnTheDatabaseThatDbUrlSelects() throws Exception {
        String expected = System.getenv("DB_URL") == null ? "H2" : "MySQL";
        try (var connection = dataSource.getConnection()) {
            assertEquals(expected, connection.getMetaData().getDatabaseProductName());
        }
    }

    @Test
    void eclipseLinkIsTheJpaProvider() {
        assertTrue(persistence.providerClass().startsWith("org.eclipse.persistence."), persistence.providerClass());
    }

    @Test
    void aQueuedCallbackIsStoredWithMillisecondPrecision() throws Exception {
        String batchId = newBatchId();
        transaction.begin();
        queue.enqueue(report(batchId, "2026-03-04T05:06:07.089Z"));
        transaction.commit();

        StatusEvent event = awaitEvents(batchId).get(0);
        assertEquals("Delivered", event.status());
        assertEquals(0, event.code());
        assertEquals(Instant.parse("2026-03-04T05:06:07.089Z"), event.reportedAt());
        assertTrue(event.payload().contains(batchId), "the raw payload is kept");
    }

    @Test
    void aCallbackQueuedInARolledBackTransactionIsNeverDelivered() throws Exception {
        String rolledBack = newBatchId();
        transaction.begin();
        queue.enqueue(report(rolledBack, "2026-03-04T05:06:07.000Z"));
        transaction.rollback();

        String committed = newBatchId();
        transaction.begin();
        queue.enqueue(report(committed, "2026-03-04T05:06:08.000Z"));
        transaction.commit();

        awaitEvents(committed);
        assertEquals(List.of(), statusEvents.ofBatch(rolledBack));
    }

    private List<StatusEvent> awaitEvents(String batchId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> statusEvents.ofBatch(batchId), events -> !events.isEmpty());
    }

    private static byte[] report(String batchId, String at) {
        return ("{\"type\":\"recipient_delivery_report_sms\",\"batch_id\":\"" + batchId
                        + "\",\"recipient\":\"46701234567\",\"code\":0,\"status\":\"Delivered\",\"at\":\"" + at + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String newBatchId() {
        return "IT" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
    }
}
