package dev.smstrack.sending.api;

import jakarta.ejb.ApplicationException;

/** A send request that cannot be sent as it is; {@link #field()} names what to fix. */
@ApplicationException(rollback = true)
public class InvalidSendRequestException extends Exception {

    private final String field;

    public InvalidSendRequestException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
