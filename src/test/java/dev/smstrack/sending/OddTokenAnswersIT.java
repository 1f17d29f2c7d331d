package dev.smstrack.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smstrack.operations.Meters;
import dev.smstrack.sending.api.SendOptions;
import dev.smstrack.simulator.TestSimulatorSettings;
import dev.smstrack.testing.Deployments;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import java.net.URL;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Project-key mode against a fake Sinch, inside the server with its real HTTP client: a token that
 * Sinch stops accepting is renewed once, never in a loop, and a token answer without {@code
 * expires_in} is a clear failure rather than a NullPointerException.
 */
@ExtendWith(ArquillianExtension.class)
class OddTokenAnswersIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.productWarWith(OddTokenAnswersIT.class, FakeSinchServlet.class, TestSimulatorSettings.class);
    }

    @ArquillianResource
    URL base;

    private SinchHttp http;
    private SinchClient client;

    @Inject
    Meters meters;

    @BeforeEach
    void projectKeyModeAgainstTheFake() {
        var settings = new SinchSettings();
        settings.simulator = TestSimulatorSettings.enabled(false);
        settings.servicePlanId = Optional.empty();
        settings.apiToken = Optional.empty();
        settings.projectId = Optional.of("project");
        settings.keyId = Optional.of("key");
        settings.keySecret = Optional.of("secret");
        String fake = base.toString().replaceAll("/$", "") + "/fake-sinch";
        settings.baseUrl = Optional.of(fake);
        settings.authUrl = fake + "/oauth2/token";
        settings.timeoutSeconds = 5;
        settings.decideMode();
        http = new SinchHttp();
        http.settings = settings;
        http.open();
        var tokens = new AccessTokens();
        tokens.settings = settings;
        tokens.http = http;
        tokens.meters = meters;
        client = new SinchClient();
        client.meters = meters;
        client.settings = settings;
        client.http = http;
        client.tokens = tokens;
    }

    @AfterEach
    void close() {
        http.close();
    }

    @Test
    void aTokenIsFetchedOnceAndReused() {
        FakeSinchServlet.reset(true, List.of("token-1"));

        assertEquals(201, client.createBatch(batch()).status());
        assertEquals(201, client.createBatch(batch()).status());

        assertEquals(1, FakeSinchServlet.tokensIssued.get());
    }

    @Test
    void aRefusedTokenIsRenewedOnceAndTheCallRepeated() {
        FakeSinchServlet.reset(true, List.of("token-2"));

        SinchAnswer answer = client.createBatch(batch());

        assertEquals(201, answer.status());
        assertEquals("01FAKEBATCH", ((JsonString) answer.body().get("id")).getString());
        assertEquals(List.of("Bearer token-1", "Bearer token-2"), FakeSinchServlet.batchAuthorizations);
    }

    @Test
    void aSecondRefusalIsTheAnswerNotALoop() {
        FakeSinchServlet.reset(true, List.of());

        SinchAnswer answer = client.createBatch(batch());

        assertEquals(401, answer.status());
        assertEquals(2, FakeSinchServlet.tokensIssued.get());
        assertEquals(2, FakeSinchServlet.batchAuthorizations.size());
    }

    @Test
    void aTokenAnswerWithoutExpiresInIsAClearFailure() {
        FakeSinchServlet.reset(false, List.of("token-1"));

        var failure = assertThrows(SinchUnreachableException.class, () -> client.createBatch(batch()));

        assertTrue(failure.getMessage().contains("without access_token or expires_in"), failure.getMessage());
        assertEquals(List.of(), FakeSinchServlet.batchAuthorizations);
    }

    private static BatchRequest batch() {
        return new BatchRequest(
                List.of("+46700000001"), "SIMULATOR", "hello", "none", "odd-token", Optional.empty(), SendOptions.NONE);
    }
}
