package dev.smstrack.callbacks.authentication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which credentials each configuration demands. */
class CallbackAuthenticationTest {

    private static final String SECRET = "a-webhook-secret";
    private static final byte[] BODY = "{\"type\":\"mo_text\"}".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest(name = "secrets {0}, basic {1}, disabled {2}; signed {3}, basic {4}: {5}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "yes | no  | false | good | -     | -",
                "yes | no  | false | bad  | -     | signature does not match",
                "no  | yes | false | -    | good  | -",
                "no  | yes | false | -    | wrong | HTTP Basic credentials missing or wrong",
                "no  | yes | false | -    | -     | HTTP Basic credentials missing or wrong",
                "yes | yes | false | good | good  | -",
                "yes | yes | false | good | -     | HTTP Basic credentials missing or wrong",
                "yes | yes | false | -    | good  | missing x-sinch-webhook-signature header",
                "no  | no  | false | good | good  | callback authentication is not configured",
                "no  | no  | true  | -    | -     | -",
                "yes | no  | true  | -    | -     | missing x-sinch-webhook-signature header",
            })
    void demandsWhatIsConfigured(
            String secrets, String basic, boolean disabled, String signature, String credentials, String rejection) {
        var authentication = new CallbackAuthentication();
        authentication.secrets = Optional.of("yes".equals(secrets) ? "other-secret," + SECRET : "");
        authentication.toleranceSeconds = 600;
        authentication.basicUser = "yes".equals(basic) ? Optional.of("sinch") : Optional.empty();
        authentication.basicPassword = "yes".equals(basic) ? Optional.of("s3cret:with-colon") : Optional.empty();
        authentication.disabled = disabled;
        authentication.configure();

        String nonce = "nonce-1";
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String signed =
                switch (signature == null ? "" : signature) {
                    case "good" -> WebhookSignature.sign(SECRET, BODY, nonce, timestamp);
                    case "bad" -> WebhookSignature.sign("not-" + SECRET, BODY, nonce, timestamp);
                    default -> null;
                };
        String authorization =
                switch (credentials == null ? "" : credentials) {
                    case "good" -> basic("sinch:s3cret:with-colon");
                    case "wrong" -> basic("sinch:guess");
                    default -> null;
                };

        var request = new SignedRequest(BODY, signed, "HmacSHA256", nonce, timestamp);
        assertEquals(
                Optional.ofNullable(rejection),
                authentication.rejectionOf(request, authorization).map(Rejection::reason));
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
