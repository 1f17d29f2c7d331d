package dev.smstrack.processing;

import static dev.smstrack.testing.SignedCallbacks.newBatchId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smstrack.callbacks.QueuedCallback;
import dev.smstrack.messages.Message;
import dev.smstrack.messages.Messages;
import dev.smstrack.messages.StatusLifecycle;
import dev.smstrack.platform.Ids;
import dev.smstrack.platform.persistence.ListCommit;
import dev.smstrack.statusevents.StatusEvent;
import dev.smstrack.statusevents.StatusEvents;
import dev.smstrack.testing.Deployments;
import dev.smstrack.testing.SignedCallbacks;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Inside the server: callbacks applied together, in one transaction, are each applied exactly once. */
@ExtendWith(ArquillianExtension.class)
class CallbackListsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.productWarWith(CallbackListsIT.class, PersistenceProbe.class, SignedCallbacks.class);
    }

    @Inject
    Callbacks callbacks;

    @Inject
    Messages messages;

    @Inject
    StatusEvents statusEvents;

    @Inject
    ReceivedCallbacks received;

    @Inject
    PersistenceProbe persistence;

    /**
     * A nonce is used once: a later callback with it is a replay and changes nothing, even with a body
     * of its own (whose dedup key alone would let it through), and a nonce is remembered as long as
     * its callback, beyond the 24 h a replay could pass the timestamp check.
     */
    @Test
    void aNonceUsedOnceMakesAnyLaterCallbackWithItAReplay() {
        Instant now = Instant.now();
        String nonce = newNonce();
        String first = newBatchId();
        String other = newBatchId();
        callbacks.apply(List.of(queued(report(first, "46709999103", "Delivered", "2026-03-04T05:06:07.000Z"), nonce)));
        callbacks.apply(List.of(new QueuedCallback(
                Ids.newId(),
                bytes(report(other, "46709999104", "Delivered", "2026-03-04T05:06:07.000Z")),
                nonce,
                now.minus(Duration.ofDays(2)),
                now,
                null,
                null,
                null)));

        assertEquals(1, statusEvents.ofBatch(first).size());
        assertEquals(List.of(), statusEvents.ofBatch(other));
        assertEquals(1, persistence.callbacksWithNonce(nonce));
    }

    @Test
    void aListKeepsEachCallbackOnceAndAppliesEachReportToItsMessage() {
        String batchId = newBatchId();
        var byBatchId = new Message("+46709999101", null, batchId);
        messages.store(byBatchId);
        String reference = UUID.randomUUID().toString();
        String otherBatchId = newBatchId();
        var byReference = new Message("+46709999102", reference, null);
        messages.store(byReference);
        String delivered = report(batchId, "46709999101", "Delivered", "2026-03-04T05:06:07.000Z");
        String failed = report(otherBatchId, "46709999102", "Failed", "2026-03-04T05:06:08.000Z")
                .replace("}", ",\"client_reference\":\"" + reference + "\"}");
        String unreadable = "{\"not\": \"a callback\", \"marker\": \"" + UUID.randomUUID() + "\"}";
        String replayedNonce = newNonce();

        callbacks.apply(List.of(
                queued(delivered, replayedNonce),
                queued(delivered, replayedNonce),
                queued(delivered, newNonce()),
                queued(failed, newNonce()),
                queued(unreadable, newNonce())));

        assertEquals("Delivered", messages.find(byBatchId.id()).orElseThrow().status());
        assertEquals("Failed", messages.find(byReference.id()).orElseThrow().status());
        assertEquals(1, statusEvents.ofBatch(batchId).size());
        assertEquals(byReference.id(), statusEvents.ofBatch(otherBatchId).get(0).messageId());
        assertEquals(1, rejectedWith(unreadable));

        // The same callbacks again, as Sinch would retry them with new signatures: nothing changes.
        callbacks.apply(List.of(queued(delivered, newNonce()), queued(failed, newNonce()), queued(unreadable, null)));
        assertEquals(1, statusEvents.ofBatch(batchId).size());
        assertEquals(1, statusEvents.ofBatch(otherBatchId).size());
        assertEquals(1, rejectedWith(unreadable));
    }

    /**
     * A list locks the messages it reports on and no other: here a message whose batch and recipient
     * each occur among the list's reports, but not together, is held by another transaction, and the
     * list of 200 reports (two lookups' worth) is applied regardless. Asked for its batch ids and
     * recipients separately, the database would lock that message too (and, on MariaDB, every row
     * it scanned), and the list would wait for it.
     */
    @Test
    void aListLocksOnlyTheMessagesItReportsOn() throws Exception {
        String first = newBatchId();
        String second = newBatchId();
        List<String> reports = new ArrayList<>();
        List<Message> reported = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String recipient = "4670998" + (1000 + i);
            var message = new Message("+" + recipient, null, i < 100 ? first : second);
            messages.store(message);
            reported.add(message);
            reports.add(report(message.batchId(), recipient, "Delivered", "2026-03-04T05:06:07.000Z"));
        }
        var bystander = new Message("+46709981150", null, first); // a recipient of the second batch
        messages.store(bystander);
        var held = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var sessions = Executors.newFixedThreadPool(2);
        try {
            sessions.submit(() -> {
                persistence.holdLocked(bystander.id(), held, release);
                return null;
            });
            assertTrue(held.await(10, TimeUnit.SECONDS), "the bystander is locked");
            var applied = sessions.submit(() -> callbacks.apply(
                    reports.stream().map(body -> queued(body, newNonce())).toList()));

            assertEquals(200, applied.get(20, TimeUnit.SECONDS).size(), "applied without waiting");
        } finally {
            release.countDown();
            sessions.shutdown();
        }
        for (Message message : reported) {
            assertEquals("Delivered", messages.find(message.id()).orElseThrow().status());
        }
        assertEquals(
                StatusLifecycle.PENDING,
                messages.find(bystander.id()).orElseThrow().status());
    }

    /**
     * Sessions apply their lists at once, with duplicates across lists: each callback is stored once.
     * Lists holding each other's duplicates may fail together (a deadlock, or on H2 a lock timeout),
     * and a callback may then fail alone as well; the broker redelivers what failed, and in the end
     * only the broken one keeps failing (it is dead-lettered), and nothing is stored twice.
     */
    @Test
    void listsAppliedAtOnceStoreEachCallbackOnceAndOnlyABrokenOneFails() throws Exception {
        String batchId = newBatchId();
        List<List<QueuedCallback>> lists = new ArrayList<>();
        for (int session = 0; session < 8; session++) {
            lists.add(new ArrayList<>());
        }
        for (int i = 0; i < 100; i++) {
            String body = report(batchId, "4670999" + (2000 + i), "Delivered", "2026-03-04T05:06:07.000Z");
            // Each twice, with different nonces: duplicates meet in one list or in two at once.
            lists.get(i % 8).add(queued(body, newNonce()));
            lists.get((i + 3) % 8).add(queued(body, newNonce()));
        }
        // No arrival time violates a NOT NULL column: it fails whichever list it is in.
        var broken = new QueuedCallback(
                Ids.newId(),
                bytes(report(newBatchId(), "46709990000", "Delivered", "2026-03-04T05:06:07.000Z")),
                newNonce(),
                null,
                null,
                null,
                null,
                null);
        lists.get(5).add(7, broken);
        var sessions = Executors.newFixedThreadPool(lists.size());
        List<ListCommit.Failure<QueuedCallback>> failures = new ArrayList<>();
        try {
            List<Future<List<ListCommit.Failure<QueuedCallback>>>> applied = new ArrayList<>();
            for (var list : lists) {
                applied.add(sessions.submit(() -> ListCommit.commit("test", list, callbacks::apply)));
            }
            for (var each : applied) {
                failures.addAll(each.get());
            }
        } finally {
            sessions.shutdown();
        }
        for (int redelivery = 1; redelivery <= 3 && failures.size() > 1; redelivery++) {
            failures = ListCommit.commit(
                    "redelivered",
                    failures.stream().map(ListCommit.Failure::item).toList(),
                    callbacks::apply);
        }
        assertEquals(1, failures.size(), failures::toString);
        assertSame(broken, failures.get(0).item());
        assertInstanceOf(EJBException.class, failures.get(0).cause());
        List<StatusEvent> events = statusEvents.ofBatch(batchId);
        assertEquals(100, events.size());
        assertEquals(100, events.stream().map(StatusEvent::recipient).distinct().count());
    }

    private long rejectedWith(String payload) {
        return received.find(ReceivedCallback.Outcome.REJECTED, "unreadable", 0, 500).items().stream()
                .filter(callback -> callback.payload().equals(payload))
                .count();
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static QueuedCallback queued(String body, String nonce) {
        Instant now = Instant.now();
        return new QueuedCallback(
                Ids.newId(), body.getBytes(StandardCharsets.UTF_8), nonce, now, now, null, null, null);
    }

    private static String report(String batchId, String recipient, String status, String at) {
        return SignedCallbacks.recipientReport(batchId, recipient, status, 0, at);
    }

    private static String newNonce() {
        return UUID.randomUUID().toString();
    }
}
