package dev.smstrack.simulator;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.smstrack.testing.Deployments;
import dev.smstrack.testing.SignedCallbacks;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The simulator as an attacker meets it: only its token opens it, and it calls no one but this server. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SimulatorIT {

    private static final String TOKEN = System.getProperty("it.simulator.token");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest(name = "Authorization: {0}")
    @ValueSource(strings = {"", "Bearer anything", "Bearer simulator", "Basic c2luY2g6eA=="})
    void admitsOnlyItsOwnToken(String authorization) throws Exception {
        var answer = createBatch(authorization, "{\"to\":[\"+46701234567\"],\"body\":\"hi\"}");
        assertEquals(401, answer.statusCode(), answer.body());
        assertEquals("Bearer", answer.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    @Test
    void reportsToThisServerAndNeverToTheCallbackUrlOfARequest() throws Exception {
        try (var elsewhere = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String batch = "{\"to\":[\"+46701234567\"],\"body\":\"hi\",\"delivery_report\":\"per_recipient\","
                    + "\"callback_url\":\"http://127.0.0.1:" + elsewhere.getLocalPort() + "/steal\"}";
            var answer = createBatch("Bearer " + TOKEN, batch);
            assertEquals(201, answer.statusCode(), answer.body());
            String batchId = Json.createReader(new StringReader(answer.body()))
                    .readObject()
                    .getString("id");

            var sinch = new SignedCallbacks(base.toURI());
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> sinch.getJson("api/status-events?batchId=" + batchId)
                                    .getInt("total")
                            >= 2);
            elsewhere.setSoTimeout(500);
            assertThrows(SocketTimeoutException.class, elsewhere::accept, "nothing called the other host");
        }
    }

    private HttpResponse<String> createBatch(String authorization, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + "api/sinch-simulator/xms/v1/simulator/batches"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!authorization.isEmpty()) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
