package dev.smstrack.callbacks.authentication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class WebhookSignatureTest {

    static final String EXAMPLE_BODY =
            "{\"type\":\"recipient_delivery_report_sms\",\"batch_id\":\"01JSPEC0000000000000000001\",\"recipient\":\"46701234567\",\"code\":401,\"status\":\"Dispatched\",\"at\":\"2026-01-02T03:04:05.678Z\",\"client_reference\":\"0b9f3c1e-6a2d-4c52-9a57-1f6e3d2a7b10\"}";
    static final String EXAMPLE_NONCE = "01JSPECNONCE00000000000001";
    static final String EXAMPLE_TIMESTAMP = "1767323045";
    static final String EXAMPLE_SIGNATURE = "f6afdx0Lz/s32KnZ5nKRnB/ewKrd8U6K58UnjPLEU1I=";
    static final Duration TOLERANCE = Duration.ofMinutes(10);

    /** A clock at the example's timestamp plus the given seconds. */
    static Clock exampleTimePlus(long seconds) {
        return Clock.fixed(Instant.ofEpochSecond(Long.parseLong(EXAMPLE_TIMESTAMP) + seconds), ZoneOffset.UTC);
    }

    static WebhookSignature verifier(String... secrets) {
        return new WebhookSignature(List.of(secrets), TOLERANCE, exampleTimePlus(0));
    }

    @Test
    void signsTheWorkedExampleOfTheReference() {
        assertEquals(
                EXAMPLE_SIGNATURE,
                WebhookSignature.sign(
                        "spec-example-secret",
                        EXAMPLE_BODY.getBytes(StandardCharsets.UTF_8),
                        EXAMPLE_NONCE,
                        EXAMPLE_TIMESTAMP));
    }

    @Test
    void acceptsTheWorkedExampleUnderAnyActiveSecret() {
        var rotating = verifier("retired-secret", " spec-example-secret ");
        assertEquals(
                Optional.empty(),
                rotating.rejectionOf(example("HmacSHA256", EXAMPLE_SIGNATURE)).map(Rejection::reason));
    }

    @Test
    void rejectsAnyOtherAlgorithm() {
        var verifier = verifier("spec-example-secret");
        assertEquals(
                Optional.of("unsupported signature algorithm, expected HmacSHA256"),
                verifier.rejectionOf(example("HmacSHA1", EXAMPLE_SIGNATURE)).map(Rejection::reason));
    }

    @Test
    void rejectsEverythingWhenNoSecretIsConfigured() {
        var verifier = verifier("", " ");
        assertEquals(
                Optional.of("no webhook secret is configured"),
                verifier.rejectionOf(example("HmacSHA256", EXAMPLE_SIGNATURE)).map(Rejection::reason));
    }

    /** The server clock minus the timestamp: old signatures within the tolerance, future ones within 5 min. */
    @ParameterizedTest(name = "{0} s old")
    @CsvSource(
            nullValues = "-",
            value = {
                "-301, timestamp is more than 300 s ahead of the server clock",
                "-300, -",
                "0, -",
                "600, -",
                "601, timestamp is more than 600 s old"
            })
    void acceptsTimestampsWithinTheToleranceOnly(long ageSeconds, String rejection) {
        var verifier = new WebhookSignature(List.of("spec-example-secret"), TOLERANCE, exampleTimePlus(ageSeconds));
        assertEquals(
                Optional.ofNullable(rejection),
                verifier.rejectionOf(example("HmacSHA256", EXAMPLE_SIGNATURE)).map(Rejection::reason));
    }

    @Test
    void aheadMeansAtMostTheToleranceWhenThatIsShorter() {
        var verifier =
                new WebhookSignature(List.of("spec-example-secret"), Duration.ofSeconds(60), exampleTimePlus(-61));
        assertEquals(
                Optional.of("timestamp is more than 60 s ahead of the server clock"),
                verifier.rejectionOf(example("HmacSHA256", EXAMPLE_SIGNATURE)).map(Rejection::reason));
    }

    @ParameterizedTest(name = "nonce \"{0}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "''",
                "a.b|c",
                "with space",
                "nonce.1767323045",
                "ü",
                "01234567890123456789012345678901234567890123456789012345678901234"
            })
    void rejectsANonceThatCouldBlurTheSignedString(String nonce) {
        var request = new SignedRequest(
                EXAMPLE_BODY.getBytes(StandardCharsets.UTF_8), EXAMPLE_SIGNATURE, null, nonce, EXAMPLE_TIMESTAMP);
        var rejection = verifier("spec-example-secret").rejectionOf(request).map(Rejection::reason);
        assertTrue(
                rejection.isPresent() && rejection.get().startsWith("x-sinch-webhook-signature-nonce is not"),
                rejection.orElse("accepted"));
    }

    @ParameterizedTest(name = "timestamp \"{0}\"")
    @CsvSource({"2026-01-02", "+1767323045", "-1", "' 1767323045'", "9223372036854775807", "1767323045.5"})
    void rejectsATimestampThatIsNotPlainEpochSeconds(String timestamp) {
        var request = new SignedRequest(
                EXAMPLE_BODY.getBytes(StandardCharsets.UTF_8), EXAMPLE_SIGNATURE, null, EXAMPLE_NONCE, timestamp);
        assertEquals(
                Optional.of("x-sinch-webhook-signature-timestamp is not Unix epoch seconds"),
                verifier("spec-example-secret").rejectionOf(request).map(Rejection::reason));
    }

    @Test
    void rejectsATamperedBodyWithTheReason() {
        var verifier = verifier("spec-example-secret");
        var tampered = new SignedRequest(
                EXAMPLE_BODY.replace("Dispatched", "Delivered").getBytes(StandardCharsets.UTF_8),
                EXAMPLE_SIGNATURE,
                "HmacSHA256",
                EXAMPLE_NONCE,
                EXAMPLE_TIMESTAMP);
        assertEquals(
                Optional.of(new Rejection(Rejection.SIGNATURE, "signature does not match")),
                verifier.rejectionOf(tampered),
                "counted under the check it failed");
    }

    /** Every vector of the shared fixtures; a missing algorithm header counts as HmacSHA256. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void agreesWithTheSinchSdkVectors(String id, JsonObject vector) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        var given = vector.getJsonObject("headers");
        given.keySet().forEach(name -> headers.put(name, given.getString(name)));
        String secret = vector.isNull("secret") ? "" : vector.getString("secret");
        var request = new SignedRequest(
                vector.getString("body").getBytes(StandardCharsets.UTF_8),
                headers.get("x-sinch-webhook-signature"),
                headers.get("x-sinch-webhook-signature-algorithm"),
                headers.get("x-sinch-webhook-signature-nonce"),
                headers.get("x-sinch-webhook-signature-timestamp"));

        boolean expected = vector.containsKey("expectedValidBySdk")
                ? vector.getJsonObject("expectedValidBySdk").getBoolean("node")
                : vector.getBoolean("expectedValid");
        var atSigningTime = Clock.fixed(
                Instant.ofEpochSecond(Long.parseLong(request.timestamp() == null ? "0" : request.timestamp())),
                ZoneOffset.UTC);
        Optional<String> rejection = new WebhookSignature(List.of(secret), TOLERANCE, atSigningTime)
                .rejectionOf(request)
                .map(Rejection::reason);
        assertEquals(expected, rejection.isEmpty(), () -> id + ": " + rejection.orElse("accepted"));
    }

    static Stream<Arguments> vectors() throws IOException, URISyntaxException {
        Path dir = Path.of(WebhookSignatureTest.class
                        .getResource("/sinch/signatures/sms-01-valid-recipient-delivery-report.json")
                        .toURI())
                .getParent();
        List<Path> files;
        try (var listing = Files.list(dir)) {
            files = listing.filter(file -> file.toString().endsWith(".json"))
                    .sorted()
                    .toList();
        }
        assertTrue(files.size() >= 20, "the shared signature vectors are present");
        return files.stream().map(file -> {
            try (InputStream in = Files.newInputStream(file);
                    var reader = Json.createReader(in)) {
                JsonObject vector = reader.readObject();
                return Arguments.of(vector.getString("id"), vector);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static SignedRequest example(String algorithm, String signature) {
        return new SignedRequest(
                EXAMPLE_BODY.getBytes(StandardCharsets.UTF_8), signature, algorithm, EXAMPLE_NONCE, EXAMPLE_TIMESTAMP);
    }
}
