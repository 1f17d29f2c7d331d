package dev.smstrack.processing;

/** A callback that is authentic but cannot be read as what its type says it is. */
public class MalformedCallbackException extends RuntimeException {

    public MalformedCallbackException(String message) {
        super(message);
    }
}
