package dev.smstrack.sending.api;

import jakarta.ejb.Remote;

/**
 * Sends an SMS through Sinch with delivery reports, for applications on other servers.
 *
 * <p>JNDI: {@code ejb:/sms-tracker/SmsSender!dev.smstrack.sending.api.SmsSending}.
 */
@Remote
public interface SmsSending {

    /**
     * Stores one message per recipient and submits them to Sinch in the background. Calling again
     * with the same {@link SendRequest#clientReference()} returns the first call's result and sends
     * nothing.
     *
     * @throws InvalidSendRequestException naming the field that is wrong
     */
    SendResult send(SendRequest request) throws InvalidSendRequestException;

    /**
     * Cancels a request scheduled with {@link SendOptions#sendAt()} that Sinch has not sent yet (or
     * one not yet submitted): its messages end CANCELLED. Cancelling it again returns the same.
     *
     * @throws UnknownIdException if the caller sent no such request
     * @throws NotPossibleNowException if it was sent, or is being submitted
     * @throws SendingUnavailableException if Sinch cannot be reached now
     */
    SendResult cancel(String requestId);

    /**
     * What the request would cost (encoding and parts for each recipient), as Sinch's dry run counts
     * it; nothing is stored, sent or taken from the caller's allowance.
     *
     * @throws InvalidSendRequestException naming the field that is wrong
     * @throws SendingUnavailableException if Sinch cannot be reached now
     */
    DryRunResult dryRun(SendRequest request) throws InvalidSendRequestException;

    /**
     * Tells Sinch that this message reached its recipient (a conversion: the code was used, the link
     * followed). Only for messages sent with {@link SendOptions#feedbackEnabled()}.
     *
     * @return when it was reported
     * @throws UnknownIdException if the caller sent no such message
     * @throws NotPossibleNowException if it was sent without feedback enabled, or not sent yet
     * @throws SendingUnavailableException if Sinch cannot be reached now
     */
    java.time.Instant deliveryFeedback(String messageId);
}
