package dev.smstrack.sending;

/** No answer from Sinch: a timeout or a connection failure. The request may or may not have arrived. */
public class SinchUnreachableException extends RuntimeException {

    public SinchUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
