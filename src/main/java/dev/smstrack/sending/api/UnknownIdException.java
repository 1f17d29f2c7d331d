package dev.smstrack.sending.api;

import jakarta.ejb.ApplicationException;

/** No send request or message with this id, or none the caller sent (HTTP 404). */
@ApplicationException(rollback = true)
public class UnknownIdException extends RuntimeException {

    public UnknownIdException(String what, String id) {
        super("no " + what + " " + id);
    }
}
