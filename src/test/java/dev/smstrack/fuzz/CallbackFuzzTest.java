package dev.smstrack.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.smstrack.callbacks.AdmittedCallback;
import dev.smstrack.callbacks.authentication.CallbackAuthentication;
import dev.smstrack.callbacks.authentication.SignedRequest;
import dev.smstrack.callbacks.authentication.TestAuthentication;
import dev.smstrack.callbacks.authentication.VerifiedNonce;
import dev.smstrack.callbacks.authentication.WebhookSignature;
import dev.smstrack.testing.StandaloneConsumer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * What a stranger can send to the callback endpoint, fuzzed. Whatever body intake admits (as a
 * callback or as unreadable, answered 400), the consumer stores, into the real schema: nothing
 * admitted can poison the queue. The signature check admits exactly the requests signed with a
 * configured secret whose nonce, timestamp and algorithm pass, and the consumer stores those too.
 * Without JAZZER_FUZZ these replay the seeds and findings under
 * src/test/resources/dev/smstrack/fuzz/CallbackFuzzTestInputs as regression tests.
 */
class CallbackFuzzTest {

    private static final List<String> SECRETS = List.of("fuzz-secret", "other");
    private static final Duration TOLERANCE = Duration.ofDays(1);
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private static final CallbackAuthentication BASIC_ONLY = TestAuthentication.withBasicOnly();
    private static final WebhookSignature SIGNATURE =
            new WebhookSignature(SECRETS, TOLERANCE, Clock.fixed(NOW, ZoneOffset.UTC));
    private static final StandaloneConsumer CONSUMER = new StandaloneConsumer();

    @FuzzTest(maxDuration = "20s")
    void whatIntakeAcceptsTheConsumerStores(byte[] body) {
        var admitted = AdmittedCallback.of(body, new VerifiedNonce("fuzz-nonce", NOW), NOW);
        assertEquals(1, CONSUMER.store(admitted.callback()), "the callback is kept once");
    }

    @FuzzTest(maxDuration = "20s")
    void signatureCheckAdmitsOnlyTheSignedAndStorable(FuzzedDataProvider data) {
        String secret = data.pickValue(List.of("fuzz-secret", "other", "not-configured"));
        String nonce = data.consumeBoolean() ? null : data.consumeString(80);
        long age = data.consumeLong(-1_000, TOLERANCE.toSeconds() + 1_000);
        String timestamp = data.consumeBoolean()
                ? Long.toString(NOW.getEpochSecond() - age)
                : data.consumeBoolean() ? null : data.consumeString(24);
        String algorithm = data.pickValue(Arrays.asList(null, "HmacSHA256", "hmacsha256", "HmacSHA1", "other"));
        boolean signs = data.consumeBoolean();
        String forged = signs ? null : data.consumeString(64);
        byte[] body = data.consumeRemainingAsBytes();
        String signature = signs && nonce != null && timestamp != null
                ? WebhookSignature.sign(secret, body, nonce, timestamp)
                : forged;
        var request = new SignedRequest(body, signature, algorithm, nonce, timestamp);

        boolean admitted = SIGNATURE.rejectionOf(request).isEmpty();

        assertEquals(
                isGenuine(request) && headersPass(nonce, timestamp, algorithm),
                admitted,
                () -> "admitted: " + admitted + ", nonce " + nonce + ", timestamp " + timestamp + ", algorithm "
                        + algorithm);
        if (admitted) {
            var verified = new VerifiedNonce(nonce, Instant.ofEpochSecond(Long.parseLong(timestamp)));
            assertEquals(
                    1, CONSUMER.store(AdmittedCallback.of(body, verified, NOW).callback()));
        }
    }

    @FuzzTest(maxDuration = "20s")
    void basicCredentialsCheckNeverThrows(String authorization) {
        BASIC_ONLY.rejectionOf(new SignedRequest(new byte[0], null, null, null, null), authorization);
    }

    private static boolean isGenuine(SignedRequest request) {
        return request.signature() != null
                && request.nonce() != null
                && request.timestamp() != null
                && SECRETS.stream().anyMatch(secret -> WebhookSignature.sign(
                                secret, request.body(), request.nonce(), request.timestamp())
                        .equals(request.signature()));
    }

    /** The policy, stated apart from its implementation: see WebhookSignature. */
    private static boolean headersPass(String nonce, String timestamp, String algorithm) {
        if (nonce == null || !nonce.matches("[A-Za-z0-9_-]{1,64}") || timestamp == null) {
            return false;
        }
        if (!timestamp.matches("[0-9]{1,12}")) {
            return false;
        }
        long age = NOW.getEpochSecond() - Long.parseLong(timestamp);
        boolean inWindow = age <= TOLERANCE.toSeconds() && age >= -300;
        return inWindow && (algorithm == null || algorithm.equalsIgnoreCase("HmacSHA256"));
    }
}
