package dev.smstrack.callbacks.authentication;

import java.util.Optional;

/**
 * Why a callback is not authentic: the check it failed, a fixed name fit for a metric's label, and
 * the reason in words, for the log (never for the caller, who is told only "authentication failed").
 */
public record Rejection(String check, String reason) {

    static final String NOT_CONFIGURED = "not_configured";
    static final String BASIC_CREDENTIALS = "basic_credentials";
    static final String MISSING_HEADER = "missing_header";
    static final String MALFORMED_HEADER = "malformed_header";
    static final String TIMESTAMP = "timestamp";
    static final String ALGORITHM = "algorithm";
    static final String SIGNATURE = "signature";

    static Optional<Rejection> of(String check, String reason) {
        return Optional.of(new Rejection(check, reason));
    }
}
