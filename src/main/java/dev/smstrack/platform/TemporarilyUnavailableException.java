package dev.smstrack.platform;

/** Something on our side cannot take the request now but will again: the caller should retry. */
public class TemporarilyUnavailableException extends RuntimeException {

    public TemporarilyUnavailableException(String reason) {
        super(reason);
    }

    public TemporarilyUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
