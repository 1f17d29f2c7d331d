package dev.smstrack.processing;

import dev.smstrack.callbacks.AdmittedCallback;
import dev.smstrack.callbacks.QueuedCallback;
import dev.smstrack.callbacks.payload.Callback;
import dev.smstrack.callbacks.payload.CallbackParser;
import dev.smstrack.callbacks.payload.MalformedCallbackException;
import dev.smstrack.inbound.InboundMessage;
import dev.smstrack.inbound.InboundMessages;
import dev.smstrack.processing.ReceivedCallback.Outcome;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
        List<Arrival> arrivals = queued.stream().map(Arrival::of).toList();
        List<ReceivedCallback> kept =
                received.keepNew(arrivals.stream().map(Arrival::row).toList());
        Set<ReceivedCallback> isNew = Collections.newSetFromMap(new IdentityHashMap<>());
        isNew.addAll(kept);
        List<DeliveryReports.Received> reports = new ArrayList<>();
        List<DeliveryReports.Summary> summaries = new ArrayList<>();
        for (Arrival arrival : arrivals) {
            if (!isNew.contains(arrival.row()) || arrival.callback().isEmpty()) {
                continue;
            }
            Callback callback = arrival.callback().get();
            String id = arrival.row().id();
            Instant receivedAt = arrival.row().receivedAt();
            callback.reports(receivedAt)
                    .forEach(report -> reports.add(new DeliveryReports.Received(report, id, receivedAt)));
            callback.inbound(receivedAt).ifPresent(message -> inboundMessages.record(new InboundMessage(id, message)));
            callback.summary().ifPresent(batch -> summaries.add(new DeliveryReports.Summary(id, batch, receivedAt)));
        }
        deliveryReports.apply(reports);
        deliveryReports.applySummaries(summaries);
        return kept;
    }

    /** A callback as it will be kept, and what it says if it is to be applied. */
    private record Arrival(ReceivedCallback row, Optional<Callback> callback) {

        static Arrival of(QueuedCallback queued) {
            String payload = new String(queued.rawBody(), StandardCharsets.UTF_8);
            String problem = queued.problem();
            if (problem == null) {
                try {
                    Callback callback = CallbackParser.parse(queued.rawBody());
                    Outcome outcome = callback.isApplied() ? Outcome.APPLIED : Outcome.KEPT;
                    var row = new ReceivedCallback(
                            queued.id(),
                            callback.type(),
                            callback.dedupKey(),
                            queued.nonce(),
                            outcome,
                            null,
                            queued.receivedAt(),
                            payload);
                    return new Arrival(row, callback.isApplied() ? Optional.of(callback) : Optional.empty());
                } catch (MalformedCallbackException e) {
                    problem = e.getMessage();
                }
            }
            var row = new ReceivedCallback(
                    queued.id(),
                    AdmittedCallback.UNREADABLE,
                    queued.rawDigest(),
                    queued.nonce(),
                    Outcome.REJECTED,
                    problem,
                    queued.receivedAt(),
                    payload);
            return new Arrival(row, Optional.empty());
        }
    }
}
