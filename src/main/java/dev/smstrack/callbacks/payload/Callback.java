package dev.smstrack.callbacks.payload;

/**
 * A callback from Sinch, read from its JSON. Every kind knows the key that identifies it among
 * retries and duplicates.
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
}
