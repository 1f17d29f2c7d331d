package dev.smstrack.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.smstrack.callbacks.CallbackAuthentication;
import dev.smstrack.callbacks.CallbackParser;
import dev.smstrack.callbacks.MalformedCallbackException;
import dev.smstrack.callbacks.SignedRequest;
import dev.smstrack.callbacks.TestAuthentication;
import dev.smstrack.callbacks.WebhookSignature;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * What a stranger can send to the callback endpoint, fuzzed: no body may make the parser fail in
 * any way but a {@link MalformedCallbackException} (a 400), and no body or header may make the
 * signature check throw (a 500). Without JAZZER_FUZZ these run the seed corpus under
 * src/test/resources/dev/smstrack/fuzz/CallbackFuzzTestInputs as regression tests.
 */
class CallbackFuzzTest {

    private static final CallbackAuthentication BASIC_ONLY = TestAuthentication.withBasicOnly();

    private static final WebhookSignature SIGNATURE =
            new WebhookSignature(List.of("fuzz-secret", "other"), Duration.ofDays(1), Clock.systemUTC());

    @FuzzTest(maxDuration = "20s")
    void parsingFailsOnlyAsMalformed(byte[] body) {
        try {
            var callback = CallbackParser.parse(body);
            callback.dedupKey();
            callback.orderingKey();
        } catch (MalformedCallbackException expected) {
            // answered 400, and the body is kept
        }
    }

    @FuzzTest(maxDuration = "20s")
    void signatureCheckNeverThrows(FuzzedDataProvider data) {
        var request = new SignedRequest(
                data.consumeBytes(4096),
                data.consumeBoolean() ? null : data.consumeString(100),
                data.consumeBoolean() ? null : data.consumeString(20),
                data.consumeBoolean() ? null : data.consumeString(60),
                data.consumeBoolean() ? null : data.consumeString(20));
        SIGNATURE.rejectionOf(request);
    }

    @FuzzTest(maxDuration = "20s")
    void basicCredentialsCheckNeverThrows(String authorization) {
        BASIC_ONLY.rejectionOf(new SignedRequest(new byte[0], null, null, null, null), authorization);
    }
}
