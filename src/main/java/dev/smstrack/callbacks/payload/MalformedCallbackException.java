package dev.smstrack.callbacks.payload;

/** An authentic callback that is not valid JSON or lacks a field its type requires. */
public class MalformedCallbackException extends RuntimeException {

    public MalformedCallbackException(String problem) {
        super(problem);
    }
}
