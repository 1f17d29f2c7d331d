package dev.smstrack.callbacks.authentication;

import java.time.Instant;

/**
 * The nonce of a verified signature and when Sinch signed it: a replay of the same signature passes
 * the check until {@code signedAt} plus the tolerance, so the nonce must be remembered as long.
 */
public record VerifiedNonce(String value, Instant signedAt) {}
