package dev.smstrack.sending.api;

/** The caller used a client reference before, for another request: nothing is sent (HTTP 409). */
public class ConflictingRequestException extends InvalidSendRequestException {

    public ConflictingRequestException(String earlierRequestId) {
        super(
                "clientReference",
                "was used before for a different request (request " + earlierRequestId
                        + "); send a new one with a new key");
    }
}
