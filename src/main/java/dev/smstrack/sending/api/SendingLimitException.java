package dev.smstrack.sending.api;

import jakarta.ejb.ApplicationException;

/**
 * The caller has sent as many messages as it may for now (a message per recipient): its rate a
 * minute, or its quota for the day (UTC). Nothing was stored or sent; the same request may be tried
 * again after {@link #retryAfterSeconds()}. Other callers are not concerned.
 */
@ApplicationException(rollback = true)
public class SendingLimitException extends RuntimeException {

    private final String limit;
    private final long retryAfterSeconds;

    public SendingLimitException(String limit, long retryAfterSeconds, String problem) {
        super(problem);
        this.limit = limit;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Which limit was reached: {@code rate} (a minute) or {@code quota} (a day). */
    public String limit() {
        return limit;
    }

    /** Seconds until the request may pass, at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
