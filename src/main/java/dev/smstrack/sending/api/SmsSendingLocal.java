package dev.smstrack.sending.api;

import jakarta.ejb.Local;

/**
 * The same as {@link SmsSending}, for applications in the same server.
 *
 * <p>JNDI: {@code java:global/sms-tracker/SmsSender!dev.smstrack.sending.api.SmsSendingLocal}.
 */
@Local
public interface SmsSendingLocal {

    /** See {@link SmsSending#send(SendRequest)}. */
    SendResult send(SendRequest request) throws InvalidSendRequestException;

    /** See {@link SmsSending#cancel(String)}. */
    SendResult cancel(String requestId);

    /** See {@link SmsSending#dryRun(SendRequest)}. */
    DryRunResult dryRun(SendRequest request) throws InvalidSendRequestException;

    /** See {@link SmsSending#deliveryFeedback(String)}. */
    java.time.Instant deliveryFeedback(String messageId);
}
