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
}
