package dev.smstrack.callbacks.payload;

import dev.smstrack.inbound.InboundMessage;
import dev.smstrack.statusevents.StatusEvent.Report;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A callback from Sinch, read from its JSON. Every kind knows the key that identifies it among
 * retries and duplicates, and what applying it yields: the delivery statuses it reports, the
 * message it brings in.
 */
public sealed interface Callback
        permits RecipientDeliveryReport,
                BatchDeliveryReport,
                InboundSms,
                ConversationDeliveryReport,
                ConversationInbound,
                UnhandledCallback {

    /** Sinch's type name: the SMS {@code type} field or the Conversation notification's name. */
    String type();

    /** Identical for the same callback however often it is delivered (SHA-256, hex). */
    String dedupKey();

    /** The SMS batch it is about, for the logs; null where it names none. */
    default String batchId() {
        return null;
    }

    /** False for the kinds this product does not apply: they are kept as they came, nothing more. */
    default boolean isApplied() {
        return true;
    }

    /**
     * The delivery statuses it reports, as the status history keeps them; a report with no time of
     * its own counts as made when it arrived ({@code receivedAt}).
     */
    default List<Report> reports(Instant receivedAt) {
        return List.of();
    }

    /** The message it brings in, if it is an inbound message. */
    default Optional<InboundMessage.Received> inbound(Instant receivedAt) {
        return Optional.empty();
    }

    /** Itself, if it is a batch report of counts alone that names no recipient. */
    default Optional<BatchDeliveryReport> summary() {
        return Optional.empty();
    }
}
