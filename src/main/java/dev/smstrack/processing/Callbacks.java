package dev.smstrack.processing;

import dev.smstrack.callbacks.BatchDeliveryReport;
import dev.smstrack.callbacks.Callback;
import dev.smstrack.callbacks.CallbackParser;
import dev.smstrack.callbacks.ConversationDeliveryReport;
import dev.smstrack.callbacks.ConversationInbound;
import dev.smstrack.callbacks.InboundSms;
import dev.smstrack.callbacks.MalformedCallbackException;
import dev.smstrack.callbacks.QueuedCallback;
import dev.smstrack.callbacks.RecipientDeliveryReport;
import dev.smstrack.inbound.InboundMessage;
import dev.smstrack.inbound.InboundMessages;
import dev.smstrack.processing.ReceivedCallback.Outcome;
import dev.smstrack.statusevents.StatusEvent.Report;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Applies one queued callback, exactly once: a replayed nonce or an already known callback changes
 * nothing; anything else is kept raw and applied to what it reports, all in one transaction.
 */
@Stateless
public class Callbacks {

    @Inject
    Nonces nonces;

    @Inject
    ReceivedCallbacks received;

    @Inject
    DeliveryReports deliveryReports;

    @Inject
    InboundMessages inboundMessages;

    public void apply(QueuedCallback queued) {
        if (queued.nonce() != null && !nonces.firstUse(queued.nonce(), queued.receivedAt())) {
            return;
        }
        if (queued.problem() != null) {
            keepRejected(queued, queued.problem());
            return;
        }
        Callback callback;
        try {
            callback = CallbackParser.parse(queued.rawBody());
        } catch (MalformedCallbackException e) {
            keepRejected(queued, e.getMessage());
            return;
        }
        if (received.isKnown(callback.dedupKey())) {
            return;
        }
        Outcome outcome = isApplicable(callback) ? Outcome.APPLIED : Outcome.KEPT;
        var kept = received.keep(
                callback.type(), callback.dedupKey(), outcome, null, queued.receivedAt(), queued.rawBody());
        if (outcome == Outcome.APPLIED) {
            applyTo(callback, kept.id(), queued.receivedAt());
        }
    }

    private void keepRejected(QueuedCallback queued, String problem) {
        String dedupKey = queued.rawDigest();
        if (!received.isKnown(dedupKey)) {
            received.keep("unreadable", dedupKey, Outcome.REJECTED, problem, queued.receivedAt(), queued.rawBody());
        }
    }

    private static boolean isApplicable(Callback callback) {
        return callback instanceof RecipientDeliveryReport
                || callback instanceof BatchDeliveryReport
                || callback instanceof ConversationDeliveryReport
                || callback instanceof InboundSms
                || callback instanceof ConversationInbound;
    }

    private void applyTo(Callback callback, String callbackId, Instant receivedAt) {
        if (callback instanceof RecipientDeliveryReport r) {
            String reason = r.statusMessage();
            deliveryReports.apply(
                    new Report(r.batchId(), r.recipient(), r.clientReference(), r.status(), r.code(), reason, r.at()),
                    callbackId,
                    receivedAt);
        } else if (callback instanceof BatchDeliveryReport batch) {
            applyBatchReport(batch, callbackId, receivedAt);
        } else if (callback instanceof ConversationDeliveryReport c) {
            deliveryReports.apply(
                    new Report(c.messageId(), c.identity(), c.correlationId(), c.status(), null, c.reason(), c.at()),
                    callbackId,
                    receivedAt);
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
    private void applyBatchReport(BatchDeliveryReport batch, String callbackId, Instant receivedAt) {
        for (var status : batch.statuses()) {
            if (status.recipients().isEmpty()) {
                deliveryReports.apply(
                        new Report(
                                batch.batchId(),
                                null,
                                batch.clientReference(),
                                status.status(),
                                status.code(),
                                "count " + status.count(),
                                receivedAt),
                        callbackId,
                        receivedAt);
            }
            for (String recipient : status.recipients()) {
                deliveryReports.apply(
                        new Report(
                                batch.batchId(),
                                recipient,
                                batch.clientReference(),
                                status.status(),
                                status.code(),
                                null,
                                receivedAt),
                        callbackId,
                        receivedAt);
            }
        }
    }
}
