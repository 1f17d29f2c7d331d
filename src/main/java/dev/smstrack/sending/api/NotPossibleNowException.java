package dev.smstrack.sending.api;

import jakarta.ejb.ApplicationException;

/**
 * What was asked does not fit where the request or message stands (HTTP 409): a batch that was sent
 * cannot be cancelled, a message sent without feedback enabled takes no feedback. The message says why.
 */
@ApplicationException(rollback = true)
public class NotPossibleNowException extends RuntimeException {

    public NotPossibleNowException(String reason) {
        super(reason);
    }
}
