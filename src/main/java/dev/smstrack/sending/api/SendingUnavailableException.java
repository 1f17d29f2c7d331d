package dev.smstrack.sending.api;

import jakarta.ejb.ApplicationException;

/**
 * Nothing can be sent now, and nothing was stored: Sinch is not configured on this server, or it
 * cannot take the request for the moment. The caller may try again later.
 */
@ApplicationException(rollback = true)
public class SendingUnavailableException extends RuntimeException {

    public SendingUnavailableException(String reason) {
        super(reason);
    }
}
