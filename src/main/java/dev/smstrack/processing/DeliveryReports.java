package dev.smstrack.processing;

import dev.smstrack.callbacks.payload.BatchDeliveryReport;
import dev.smstrack.messages.Message;
import dev.smstrack.messages.Messages;
import dev.smstrack.operations.Meters;
import dev.smstrack.statusevents.StatusEvent;
import dev.smstrack.statusevents.StatusEvents;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies delivery reports to messages. Each report is kept as a status event; if its message is
 * known, the event is matched to it and may move its status forward under the message's row lock,
 * otherwise it waits, parked, until the message appears.
 */
@Stateless
@PermitAll
public class DeliveryReports {

    @Inject
    Messages messages;

    @Inject
    StatusEvents events;

    @PersistenceContext
    EntityManager em;

    @Inject
    Meters meters;

    /** A report as it arrived in a callback. */
    public record Received(StatusEvent.Report report, String callbackId, Instant receivedAt) {}

    /** A summary batch report: counts of statuses, no recipient named. */
    public record Summary(String callbackId, BatchDeliveryReport report, Instant receivedAt) {}

    /**
     * A summary names no recipient. Where it is unambiguous (one status, counted for every message of
     * the batch) that status is each message's; otherwise the batch's messages without a final status
     * are looked up at Sinch at reconciliation's next run, instead of waiting for their check.
     */
    public void applySummaries(List<Summary> summaries) {
        for (Summary summary : summaries) {
            List<Message> batch = messages.lockedWithBatchId(summary.report().batchId());
            var counts = summary.report().statuses();
            var only = counts.get(0);
            if (counts.size() == 1 && only.count() != null && only.count() == batch.size()) {
                for (Message message : batch) {
                    var report = new StatusEvent.Report(
                            message.batchId(),
                            message.recipient(),
                            message.clientReference(),
                            only.status(),
                            only.code(),
                            "from a summary report",
                            summary.receivedAt());
                    var event = new StatusEvent(summary.callbackId(), report, summary.receivedAt());
                    matchAndReport(event, message);
                    events.record(event);
                }
            } else {
                batch.forEach(message -> message.checkAt(summary.receivedAt()));
            }
        }
    }

    /**
     * Keeps each report as a status event, in their order, and applies it to its message: by our
     * reference first, then by Sinch's batch id; both together with the recipient. The messages of
     * all the reports are read and locked at once.
     */
    public void apply(List<Received> received) {
        List<StatusEvent.Report> reports = received.stream()
                .map(Received::report)
                .filter(report -> report.recipient() != null)
                .toList();
        var byReference = messages.lockByClientReference(
                pairsOf(reports, StatusEvent.Report::clientReference, StatusEvent.Report::recipient));
        var unmatched = reports.stream()
                .filter(report ->
                        !byReference.containsKey(new Messages.Key(report.clientReference(), report.recipient())))
                .toList();
        var byBatch =
                messages.lockByBatchId(pairsOf(unmatched, StatusEvent.Report::batchId, StatusEvent.Report::recipient));
        for (Received each : received) {
            var report = each.report();
            var event = new StatusEvent(each.callbackId(), report, each.receivedAt());
            Message message = byReference.getOrDefault(
                    new Messages.Key(report.clientReference(), report.recipient()),
                    byBatch.get(new Messages.Key(report.batchId(), report.recipient())));
            if (message != null) {
                matchAndReport(event, message);
            }
            events.record(event);
        }
    }

    private static <T> Set<Messages.Key> pairsOf(
            List<T> items, Function<T, String> key, Function<T, String> recipient) {
        return items.stream()
                .map(item -> new Messages.Key(key.apply(item), recipient.apply(item)))
                .collect(Collectors.toSet());
    }

    /** Applies the reports parked for this message, oldest report first. */
    public int applyParkedTo(String messageId) {
        return applyParkedTo(List.of(messages.lock(messageId)));
    }

    /**
     * Applies the reports parked for these messages, which the caller has locked, oldest report
     * first: two queries however many messages (one per key, so that each can use its index).
     */
    public int applyParkedTo(List<Message> locked) {
        Map<String, StatusEvent> parked = new LinkedHashMap<>();
        parkedFor("e.clientReference", pairsOf(locked, Message::clientReference, Message::recipient))
                .forEach(event -> parked.put(event.id(), event));
        parkedFor("e.batchId", pairsOf(locked, Message::batchId, Message::recipient))
                .forEach(event -> parked.put(event.id(), event));
        Map<Messages.Key, Message> byReference = new HashMap<>();
        Map<Messages.Key, Message> byBatch = new HashMap<>();
        for (Message message : locked) {
            byReference.putIfAbsent(new Messages.Key(message.clientReference(), message.recipient()), message);
            byBatch.putIfAbsent(new Messages.Key(message.batchId(), message.recipient()), message);
        }
        List<StatusEvent> ordered = parked.values().stream()
                .sorted(Comparator.comparing(StatusEvent::reportedAt).thenComparing(StatusEvent::receivedAt))
                .toList();
        int applied = 0;
        for (StatusEvent event : ordered) {
            Message message = byReference.getOrDefault(
                    new Messages.Key(event.clientReference(), event.recipient()),
                    byBatch.get(new Messages.Key(event.batchId(), event.recipient())));
            if (message != null) {
                matchAndReport(event, message);
                applied++;
            }
        }
        return applied;
    }

    private List<StatusEvent> parkedFor(String key, Set<Messages.Key> wanted) {
        return Messages.Key.LOOKUP.resultList(
                wanted,
                key,
                "e.recipient",
                condition -> em.createQuery(
                        "SELECT e FROM StatusEvent e WHERE " + condition + " AND e.messageId IS NULL",
                        StatusEvent.class));
    }

    private void matchAndReport(StatusEvent event, Message message) {
        event.matchTo(message.id());
        message.report(event.status(), event.code(), event.reportedAt(), event.operator(), event.operatorStatusAt());
        var applied = event.applied();
        if (message.applied(applied.originator(), applied.encoding(), applied.parts())) {
            meters.partsMiscounted();
        }
    }
}
