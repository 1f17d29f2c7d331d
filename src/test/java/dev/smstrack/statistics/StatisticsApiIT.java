package dev.smstrack.statistics;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smstrack.testing.Deployments;
import dev.smstrack.testing.MessagesApi;
import dev.smstrack.testing.TestUsers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code GET /api/stats} over HTTP: what a reader sees after a send, and what a wrong query is told. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StatisticsApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aMessageTheSimulatorFinishedCountsForItsOperator() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        // Ends in 2: the simulator's "Simulated Mobile".
        MessagesApi.send(base, TestUsers.SENDER, "{\"to\":[\"+46701770002\"],\"body\":\"count me\"}");
        String query =
                "api/stats?groupBy=operator&from=" + URLEncoder.encode(before.toString(), StandardCharsets.UTF_8);

        // Final once the delivery rate counts it (the simulator delivers, fails or expires it).
        JsonObject group = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> mobile(get(query, TestUsers.READER)),
                        found -> found != null && !found.isNull("deliveryRate"));
        assertTrue(group.getJsonNumber("share").doubleValue() > 0, group.toString());
        if (group.getJsonObject("statuses").containsKey("delivered")) {
            assertTrue(
                    group.getJsonObject("timeToDeliver").getJsonNumber("p50Ms").longValue() >= 0, group.toString());
        }
        JsonObject stats = json(get(query, TestUsers.READER));
        assertEquals("operator", stats.getString("groupBy"));
        assertTrue(stats.getInt("messages") >= 1, stats.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "groupBy=week                      | query parameter groupBy must be one of [status, operator, hour, day]",
                "from=yesterday                    | query parameter from must be a date (2026-12-01) or an instant with an offset (2026-12-01T09:30:00Z)",
                "from=2026-12-02&to=2026-12-01     | query parameter from must be before to",
                "from=2026-01-01&to=2026-03-01&groupBy=hour | grouped by hour, from and to may be at most 31 days apart",
            })
    void aWrongQueryIsTold(String query, String detail) throws Exception {
        var answer = http.send(request("api/stats?" + query, TestUsers.READER), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, answer.statusCode(), answer.body());
        assertEquals(
                "application/problem+json",
                answer.headers().firstValue("Content-Type").orElse(""));
        assertEquals(detail, json(answer.body()).getString("detail"));
    }

    @Test
    void aDateIsItsStartInUtcAndAPeriodWithNothingSentCountsNothing() throws Exception {
        JsonObject stats = json(get("api/stats?from=1999-01-01&to=1999-01-02&groupBy=day", TestUsers.READER));
        assertEquals("1999-01-01T00:00:00Z", stats.getString("from"));
        assertEquals(0, stats.getInt("messages"));
        assertEquals(JsonValue.NULL, stats.get("deliveryRate"));
        assertEquals(0, stats.getJsonArray("groups").size());
    }

    private JsonObject mobile(String body) {
        return json(body).getJsonArray("groups").stream()
                .map(JsonValue::asJsonObject)
                .filter(group -> "Simulated Mobile".equals(group.getString("key", null)))
                .findFirst()
                .orElse(null);
    }

    private String get(String path, TestUsers user) throws Exception {
        var answer = http.send(request(path, user), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.body();
    }

    private HttpRequest request(String path, TestUsers user) {
        return HttpRequest.newBuilder(URI.create(base.toString()).resolve("/" + path))
                .header("Authorization", user.basic())
                .build();
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
