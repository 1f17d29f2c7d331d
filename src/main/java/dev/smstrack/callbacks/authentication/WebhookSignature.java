package dev.smstrack.callbacks.authentication;

import dev.smstrack.platform.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sinch's webhook signature: Base64(HMAC-SHA256(secret, rawBody + "." + nonce + "." + timestamp)).
 * Any of several active secrets may match, so that secrets can be rotated without downtime. The
 * headers are checked before the body is read: a nonce of letters, digits, {@code _} and {@code -}
 * (a dot in it could move bytes between body and nonce under the same signature), a timestamp of Unix seconds no older than the
 * tolerance (Sinch retries for hours) and at most a few minutes ahead (clocks drift; a signature
 * from the future would outlive its nonce), and the one algorithm.
 */
public final class WebhookSignature {

    static final String ALGORITHM = "HmacSHA256";

    /** How far ahead of the server clock a timestamp may be: clock drift, not hours. */
    static final Duration FUTURE_SKEW = Duration.ofMinutes(5);

    /** A nonce: 1 to 64 letters, digits, '_' or '-'. */
    private static final int LONGEST_NONCE = 64;

    private static final String NONCE_PUNCTUATION = "_-";
    /** Twelve digits reach the year 33658: no arithmetic on them overflows. */
    private static final int LONGEST_TIMESTAMP = 12;

    private final List<byte[]> secrets;
    private final Duration tolerance;
    private final Clock clock;

    /** Accepts signatures under any of the secrets, stamped within the tolerance of the clock. */
    public WebhookSignature(List<String> secrets, Duration tolerance, Clock clock) {
        this.secrets = secrets.stream()
                .map(String::strip)
                .filter(secret -> !secret.isEmpty())
                .map(secret -> secret.getBytes(StandardCharsets.UTF_8))
                .toList();
        this.tolerance = tolerance;
        this.clock = clock;
    }

    public boolean hasSecrets() {
        return !secrets.isEmpty();
    }

    /** Checks a request; an empty result means it is authentic, otherwise the reason it is not. */
    public Optional<Rejection> rejectionOf(SignedRequest request) {
        return headerRejection(request).or(() -> signatureRejection(request));
    }

    /** Checks everything but the signature itself, so that a forgery costs no body read and no HMAC. */
    public Optional<Rejection> headerRejection(SignedRequest request) {
        if (!hasSecrets()) {
            return Rejection.of(Rejection.NOT_CONFIGURED, "no webhook secret is configured");
        }
        if (request.signature() == null) {
            return Rejection.of(Rejection.MISSING_HEADER, "missing x-sinch-webhook-signature header");
        }
        if (request.nonce() == null) {
            return Rejection.of(Rejection.MISSING_HEADER, "missing x-sinch-webhook-signature-nonce header");
        }
        if (request.timestamp() == null) {
            return Rejection.of(Rejection.MISSING_HEADER, "missing x-sinch-webhook-signature-timestamp header");
        }
        if (!Tokens.isPlain(request.nonce(), LONGEST_NONCE, NONCE_PUNCTUATION)) {
            return Rejection.of(
                    Rejection.MALFORMED_HEADER,
                    "x-sinch-webhook-signature-nonce is not 1 to 64 letters, digits, '_' or '-'");
        }
        if (!Tokens.isDigits(request.timestamp(), LONGEST_TIMESTAMP)) {
            return Rejection.of(
                    Rejection.MALFORMED_HEADER, "x-sinch-webhook-signature-timestamp is not Unix epoch seconds");
        }
        Optional<Rejection> staleness = stalenessOf(Long.parseLong(request.timestamp()));
        if (staleness.isPresent()) {
            return staleness;
        }
        if (request.algorithm() != null && !ALGORITHM.equalsIgnoreCase(request.algorithm())) {
            return Rejection.of(Rejection.ALGORITHM, "unsupported signature algorithm, expected " + ALGORITHM);
        }
        return Optional.empty();
    }

    /** The signature alone, for a request whose headers {@link #headerRejection} passed. */
    Optional<Rejection> signatureRejection(SignedRequest request) {
        // Compared as Sinch sends it, padded Base64, so that no other encoding of the same bytes passes.
        byte[] presented = request.signature().getBytes(StandardCharsets.US_ASCII);
        byte[] signed = request.signedContent();
        for (byte[] secret : secrets) {
            if (MessageDigest.isEqual(presented, base64Hmac(secret, signed))) {
                return Optional.empty();
            }
        }
        return Rejection.of(Rejection.SIGNATURE, "signature does not match");
    }

    private Optional<Rejection> stalenessOf(long seconds) {
        long age = clock.instant().getEpochSecond() - seconds;
        if (age > tolerance.toSeconds()) {
            return Rejection.of(Rejection.TIMESTAMP, "timestamp is more than " + tolerance.toSeconds() + " s old");
        }
        long ahead = Math.min(FUTURE_SKEW.toSeconds(), tolerance.toSeconds());
        if (-age > ahead) {
            return Rejection.of(
                    Rejection.TIMESTAMP, "timestamp is more than " + ahead + " s ahead of the server clock");
        }
        return Optional.empty();
    }

    /** The signature Sinch would send for this body, nonce and timestamp under the given secret. */
    public static String sign(String secret, byte[] body, String nonce, String timestamp) {
        byte[] signed = new SignedRequest(body, null, null, nonce, timestamp).signedContent();
        return new String(base64Hmac(secret.getBytes(StandardCharsets.UTF_8), signed), StandardCharsets.US_ASCII);
    }

    private static byte[] base64Hmac(byte[] secret, byte[] content) {
        return Base64.getEncoder().encode(hmac(secret, content));
    }

    private static byte[] hmac(byte[] secret, byte[] content) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac.doFinal(content);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
        }
    }
}
