package dev.smstrack.processing;

import static dev.smstrack.testing.SignedCallbacks.newBatchId;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smstrack.callbacks.CallbackQueue;
import dev.smstrack.callbacks.QueuedCallback;
import dev.smstrack.messages.Message;
import dev.smstrack.messages.Messages;
import dev.smstrack.platform.persistence.DatabaseMigrations;
import dev.smstrack.statusevents.StatusEvent;
import dev.smstrack.statusevents.StatusEvents;
import dev.smstrack.testing.Deployments;
import dev.smstrack.testing.SignedCallbacks;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
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

/** Inside the server: the queue, the consumer, the lifecycle and the dead letters, on the real database. */
@ExtendWith(ArquillianExtension.class)
class CallbackProcessingIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.productWarWith(CallbackProcessingIT.class, PersistenceProbe.class, SignedCallbacks.class);
    }

    @Inject
    CallbackQueue queue;

    @Inject
    StatusEvents statusEvents;

    @Inject
    Messages messages;

    @Inject
    DeadLetters deadLetters;

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
    void aCallbackQueuedInARolledBackTransactionIsNeverDelivered() throws Exception {
        String rolledBack = newBatchId();
        transaction.begin();
        enqueue(report(rolledBack, "+46701234567", "Delivered", "2026-03-04T05:06:07.000Z"));
        transaction.rollback();

        String committed = newBatchId();
        transaction.begin();
        enqueue(report(committed, "+46701234567", "Delivered", "2026-03-04T05:06:08.089Z"));
        transaction.commit();

        StatusEvent stored = awaitEvents(committed, 1).get(0);
        assertEquals(Instant.parse("2026-03-04T05:06:08.089Z"), stored.reportedAt(), "milliseconds survive");
        assertEquals(List.of(), statusEvents.ofBatch(rolledBack));
    }

    @Test
    void aReportBeforeItsMessageIsParkedThenAppliedWhenTheMessageAppears() throws Exception {
        String reference = UUID.randomUUID().toString();
        String batchId = newBatchId();
        enqueue(report(batchId, "46709999001", "Delivered", "2026-03-04T05:06:07.000Z", reference));
        StatusEvent parked = awaitEvents(batchId, 1).get(0);
        assertEquals(null, parked.messageId());

        var message = new Message("+46709999001", reference, null);
        messages.store(message);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> messages.find(message.id()).orElseThrow().status(), "Delivered"::equals);
        assertEquals(message.id(), statusEvents.ofBatch(batchId).get(0).messageId());
    }

    @Test
    void aLateIntermediateReportJoinsTheHistoryButNeverReplacesAFinalStatus() throws Exception {
        String batchId = newBatchId();
        var message = new Message("+46709999002", null, batchId);
        messages.store(message);

        enqueue(report(batchId, "46709999002", "Delivered", "2026-03-04T05:06:09.000Z"));
        awaitEvents(batchId, 1);
        enqueue(report(batchId, "46709999002", "Dispatched", "2026-03-04T05:06:08.000Z"));
        awaitEvents(batchId, 2);

        Message current = messages.find(message.id()).orElseThrow();
        assertEquals("Delivered", current.status());
        assertEquals(Instant.parse("2026-03-04T05:06:09.000Z"), current.statusAt());
        assertEquals(
                List.of("Dispatched", "Delivered"),
                statusEvents.ofMessage(message.id()).stream()
                        .map(StatusEvent::status)
                        .toList());
    }

    @Test
    void aCallbackThatKeepsFailingIsDeadLetteredAndCanBeReplayedOnceFixed() throws Exception {
        String batchId = newBatchId();
        renameTable("callback", "callback_away");
        try {
            enqueue(report(batchId, "+46701234567", "Delivered", "2026-03-04T05:06:07.000Z"));
            await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.list(1000).stream()
                    .anyMatch(letter -> letter.preview().contains(batchId)));
        } finally {
            renameTable("callback_away", "callback");
        }
        assertEquals(List.of(), statusEvents.ofBatch(batchId));

        String id = deadLetters.list(1000).stream()
                .filter(letter -> letter.preview().contains(batchId))
                .findFirst()
                .orElseThrow()
                .id();
        assertEquals(id, deadLetters.replay(id).orElseThrow());

        awaitEvents(batchId, 1);
        assertTrue(
                deadLetters.list(1000).stream().noneMatch(letter -> letter.id().equals(id)));
    }

    /** Operators retry dead letters in bulk, all of one type (and none of another) in one broker operation. */
    @Test
    void deadLettersOfATypeAreRetriedInOneCall() throws Exception {
        String batchId = newBatchId();
        String inbound = "{\"type\":\"mo_text\",\"id\":\"" + batchId + "\",\"from\":\"46701111111\","
                + "\"to\":\"12345\",\"body\":\"hi\"}";
        renameTable("callback", "callback_away");
        try {
            for (int i = 0; i < 3; i++) {
                queue.enqueue(QueuedCallback.unsigned(
                        report(batchId, "+4670123456" + i, "Delivered", "2026-03-04T05:06:07.000Z")
                                .getBytes(StandardCharsets.UTF_8),
                        Instant.now(),
                        "recipient_delivery_report_sms"));
            }
            queue.enqueue(QueuedCallback.unsigned(inbound.getBytes(StandardCharsets.UTF_8), Instant.now(), "mo_text"));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> deadLetters.list(1000).stream()
                                    .filter(letter -> letter.preview().contains(batchId))
                                    .count()
                            == 4);
        } finally {
            renameTable("callback_away", "callback");
        }

        assertTrue(deadLetters.retryAll("recipient_delivery_report_sms") >= 3);

        awaitEvents(batchId, 3);
        assertEquals(
                1,
                deadLetters.list(1000).stream()
                        .filter(letter -> letter.preview().contains(batchId))
                        .count(),
                "the mo_text is still a dead letter");
        assertTrue(deadLetters.retryAll("mo_text") >= 1);
    }

    private void renameTable(String from, String to) throws SQLException {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + from + " RENAME TO " + to);
        }
    }

    private List<StatusEvent> awaitEvents(String batchId, int count) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> statusEvents.ofBatch(batchId), events -> events.size() == count);
    }

    private void enqueue(String body) {
        queue.enqueue(QueuedCallback.unsigned(body.getBytes(StandardCharsets.UTF_8), Instant.now(), null));
    }

    private static String report(String batchId, String recipient, String status, String at) {
        return SignedCallbacks.recipientReport(batchId, recipient, status, 0, at);
    }

    private static String report(String batchId, String recipient, String status, String at, String reference) {
        return report(batchId, recipient, status, at).replace("}", ",\"client_reference\":\"" + reference + "\"}");
    }
}
