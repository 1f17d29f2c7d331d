package dev.smstrack.processing;

import dev.smstrack.callbacks.AdmittedCallback;
import dev.smstrack.callbacks.QueuedCallback;
import dev.smstrack.callbacks.payload.BatchDeliveryReport;
import dev.smstrack.callbacks.payload.Callback;
import dev.smstrack.callbacks.payload.CallbackParser;
import dev.smstrack.callbacks.payload.ConversationDeliveryReport;
import dev.smstrack.callbacks.payload.ConversationInbound;
import dev.smstrack.callbacks.payload.InboundSms;
import dev.smstrack.callbacks.payload.MalformedCallbackException;
import dev.smstrack.callbacks.payload.RecipientDeliveryReport;
import dev.smstrack.inbound.InboundMessage;
import dev.smstrack.inbound.InboundMessages;
import dev.smstrack.processing.ReceivedCallback.Outcome;
import dev.smstrack.statusevents.StatusEvent.Report;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies queued callbacks, exactly once, all of a list in one transaction: a replayed nonce or an
 * already known callback changes nothing ({@link ReceivedCallbacks#keepNew}); anything else is kept raw and applied to what it reports.
 * Each step reads the database once for the whole list, so that a longer list costs little more.
 */
@Stateless
@PermitAll
public class Callbacks {

    @Inject
    ReceivedCallbacks received;

    @Inject
    DeliveryReports deliveryReports;

    @Inject
    InboundMessages inboundMessages;

    /** Applies the list; returns the callbacks it kept (the others were replays or duplicates). */
    public List<ReceivedCallback> apply(List<QueuedCallback> queued) {
        Map<String, Callback> parsed = new HashMap<>();
        List<ReceivedCallback> arrived = new ArrayList<>();
        for (QueuedCallback callback : queued) {
            arrived.add(read(callback, parsed));
        }
        List<DeliveryReports.Received> reports = new ArrayList<>();
        List<DeliveryReports.Summary> summaries = new ArrayList<>();
        List<ReceivedCallback> kept = received.keepNew(arrived);
        for (ReceivedCallback callback : kept) {
            if (callback.outcome() == Outcome.APPLIED) {
                Callback read = parsed.get(callback.id());
                applyTo(read, callback.id(), callback.receivedAt(), reports);
                if (read instanceof BatchDeliveryReport batch && batch.isSummary()) {
                    summaries.add(new DeliveryReports.Summary(callback.id(), batch, callback.receivedAt()));
                }
            }
        }
        deliveryReports.apply(reports);
        deliveryReports.applySummaries(summaries);
        return kept;
    }

    /** The callback as it will be kept, with what could be read from it in {@code parsed}. */
    private static ReceivedCallback read(QueuedCallback queued, Map<String, Callback> parsed) {
        String payload = new String(queued.rawBody(), StandardCharsets.UTF_8);
        String problem = queued.problem();
        if (problem == null) {
            try {
                Callback callback = CallbackParser.parse(queued.rawBody());
                Outcome outcome = isApplicable(callback) ? Outcome.APPLIED : Outcome.KEPT;
                var row = new ReceivedCallback(
                        queued.id(),
                        callback.type(),
                        callback.dedupKey(),
                        queued.nonce(),
                        outcome,
                        null,
                        queued.receivedAt(),
                        payload);
                parsed.put(row.id(), callback);
                return row;
            } catch (MalformedCallbackException e) {
                problem = e.getMessage();
            }
        }
        return new ReceivedCallback(
                queued.id(),
                AdmittedCallback.UNREADABLE,
                queued.rawDigest(),
                queued.nonce(),
                Outcome.REJECTED,
                problem,
                queued.receivedAt(),
                payload);
    }

    private static boolean isApplicable(Callback callback) {
        return callback instanceof RecipientDeliveryReport
                || callback instanceof BatchDeliveryReport
                || callback instanceof ConversationDeliveryReport
                || callback instanceof InboundSms
                || callback instanceof ConversationInbound;
    }

    private void applyTo(
            Callback callback, String callbackId, Instant receivedAt, List<DeliveryReports.Received> reports) {
        if (callback instanceof RecipientDeliveryReport r) {
            var report = new Report(
                    r.batchId(),
                    r.recipient(),
                    r.clientReference(),
                    r.status(),
                    r.code(),
                    r.statusMessage(),
                    r.at(),
                    r.operator(),
                    r.operatorStatusAt());
            reports.add(new DeliveryReports.Received(report, callbackId, receivedAt));
        } else if (callback instanceof BatchDeliveryReport batch) {
            batchReportsOf(batch, receivedAt)
                    .forEach(report -> reports.add(new DeliveryReports.Received(report, callbackId, receivedAt)));
        } else if (callback instanceof ConversationDeliveryReport c) {
            var report =
                    new Report(c.messageId(), c.identity(), c.correlationId(), c.status(), null, c.reason(), c.at());
            reports.add(new DeliveryReports.Received(report, callbackId, receivedAt));
        } else if (callback instanceof InboundSms sms) {
            inboundMessages.record(new InboundMessage(
                    callbackId,
                    new InboundMessage.Received(
                            sms.id(),
                            sms.type(),
                            sms.from(),
                            sms.to(),
                            sms.body(),
                            sms.clientReference(),
                            sms.sentAt(),
                            sms.receivedAt() != null ? sms.receivedAt() : receivedAt)));
        } else if (callback instanceof ConversationInbound message) {
            inboundMessages.record(new InboundMessage(
                    callbackId,
                    new InboundMessage.Received(
                            message.id(),
                            "conversation:" + message.channel(),
                            message.from(),
                            message.to(),
                            message.body(),
                            message.correlationId(),
                            message.at(),
                            receivedAt)));
        }
    }

    /**
     * A batch report carries no time of its own: its statuses count as reported when it arrived.
     * Listed recipients (a full report) each get their event; counts alone (a summary) are kept as
     * one batch-level event per status, about no recipient in particular.
     */
    private static List<Report> batchReportsOf(BatchDeliveryReport batch, Instant receivedAt) {
        List<Report> reports = new ArrayList<>();
        for (var status : batch.statuses()) {
            if (status.recipients().isEmpty()) {
                reports.add(new Report(
                        batch.batchId(),
                        null,
                        batch.clientReference(),
                        status.status(),
                        status.code(),
                        "count " + status.count(),
                        receivedAt));
            }
            for (String recipient : status.recipients()) {
                reports.add(new Report(
                        batch.batchId(),
                        recipient,
                        batch.clientReference(),
                        status.status(),
                        status.code(),
                        null,
                        receivedAt));
            }
        }
        return reports;
    }
}
