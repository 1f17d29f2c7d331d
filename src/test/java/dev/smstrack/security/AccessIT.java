package dev.smstrack.security;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smstrack.testing.Deployments;
import dev.smstrack.testing.ResourceMethods;
import dev.smstrack.testing.ResourceMethods.Endpoint;
import dev.smstrack.testing.SignedCallbacks;
import dev.smstrack.testing.TestUsers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Walks every resource method of the deployed application over HTTP: anonymous gets 401 with a
 * challenge, except at the two endpoints that prove their callers themselves (which refuse the
 * anonymous caller all the same); a user without the method's role gets 403, a user with it gets
 * through. A new endpoint is walked as soon as it exists.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessIT {

    private static final String SEND = "{\"to\":[\"+46701239999\"],\"body\":\"access test\"}";
    /** What each POST sends, where it is not a send; a number nothing is stored for: the erasure touches nothing. */
    private static final Map<String, String> POSTED = Map.of("/api/erasures", "{\"phoneNumber\":\"+46700000099\"}");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    /** A path with real values for each template that has parameters, so that a permitted call finds what it asks for. */
    private final Map<String, String> samples = new HashMap<>();

    @BeforeEach
    void createSomethingToRead() throws Exception {
        JsonObject sent = json(call("POST", "/api/messages", TestUsers.OPS).body());
        samples.put(
                "/api/messages/{id}",
                "/api/messages/"
                        + sent.getJsonArray("messages").getJsonObject(0).getString("id"));
        samples.put("/api/send-requests/{requestId}", "/api/send-requests/" + sent.getString("requestId"));
        var sinch = new SignedCallbacks(base.toURI());
        sinch.post(SignedCallbacks.recipientReport(
                SignedCallbacks.newBatchId(), "46701239999", "Delivered", 0, "2026-01-02T03:04:05.678Z"));
        await().until(() -> sinch.getJson("api/received-callbacks?size=1").getInt("total") > 0);
        samples.put(
                "/api/received-callbacks/{id}",
                "/api/received-callbacks/"
                        + sinch.getJson("api/received-callbacks?size=1")
                                .getJsonArray("items")
                                .getJsonObject(0)
                                .getString("id"));
    }

    @Test
    void anonymousCallersAreChallengedEverywhereButWhereCallersProveThemselves() throws Exception {
        List<Endpoint> endpoints = ResourceMethods.endpoints();
        for (Endpoint endpoint : endpoints) {
            var answer = call(endpoint.httpMethod(), endpoint.path(), null);
            assertEquals(401, answer.statusCode(), endpoint + " answered an anonymous caller " + answer.body());
            assertEquals(
                    "application/problem+json",
                    answer.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", ""),
                    endpoint + " answered " + answer.body());
            JsonObject problem = json(answer.body());
            assertEquals(401, problem.getInt("status"), answer.body());
            assertEquals(
                    answer.headers().firstValue("X-Request-Id").orElse("none"),
                    problem.getString("requestId"),
                    "the id to quote is the response's");
            String challenge = answer.headers().firstValue("WWW-Authenticate").orElse("");
            if (!endpoint.permitsAll()) {
                assertTrue(
                        challenge.startsWith("Basic realm=\"ApplicationRealm\""),
                        endpoint + " challenges with " + answer.headers().allValues("WWW-Authenticate"));
            }
        }
    }

    @Test
    void theContainersOwnAnswersAreProblemsTooAndItsErrorPagesAreReachedOnlyThroughErrors() throws Exception {
        for (String path : List.of("/no-such-page", "/container-errors/401")) {
            var answer = call("GET", path, null);
            assertEquals(404, answer.statusCode(), path + ": " + answer.body());
            assertEquals(
                    "application/problem+json",
                    answer.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", ""),
                    path + ": " + answer.body());
            assertEquals(404, json(answer.body()).getInt("status"), answer.body());
        }
    }

    @Test
    void eachRoleReachesItsEndpointsAndIsForbiddenTheOthers() throws Exception {
        for (Endpoint endpoint : ResourceMethods.endpoints()) {
            if (endpoint.permitsAll()) {
                continue;
            }
            for (TestUsers user : List.of(TestUsers.SENDER, TestUsers.READER, TestUsers.OPERATOR, TestUsers.NOBODY)) {
                var answer = call(endpoint.httpMethod(), endpoint.path(), user);
                boolean permitted = user.roles().stream().anyMatch(endpoint.roles()::contains);
                String who = endpoint + " as " + user + ": " + answer.statusCode() + " " + answer.body();
                if (!permitted) {
                    assertEquals(403, answer.statusCode(), who);
                    assertEquals(403, json(answer.body()).getInt("status"), who);
                } else if (endpoint.path().endsWith("/replay")) {
                    // Permitted; there is no dead letter to replay.
                    assertEquals(404, answer.statusCode(), who);
                } else if (endpoint.path().endsWith("/feedback") || "DELETE".equals(endpoint.httpMethod())) {
                    // Permitted, but the sample was sent by another user (it-ops): a sender finds no such
                    // request or message of its own; an operator may cancel any, but this one was sent
                    // (or, caught before its first attempt, is cancelled). SendOptionsIT has the rest.
                    var expected = user == TestUsers.OPERATOR ? List.of(200, 409) : List.of(404);
                    assertTrue(expected.contains(answer.statusCode()), who);
                } else if (endpoint.path().endsWith("/conversation-webhook")) {
                    // Permitted; the test server has no Conversation app to register with.
                    assertEquals(409, answer.statusCode(), who);
                } else {
                    assertTrue(answer.statusCode() >= 200 && answer.statusCode() < 300, who);
                }
            }
        }
    }

    /** A page of another site cannot use the login a browser keeps for this server to change anything. */
    @Test
    void anotherSitesPageMayNotChangeAnythingWithTheBrowsersLogin() throws Exception {
        String self = base.getHost() + ":" + base.getPort();
        for (String[] from : List.of(
                new String[] {"Origin", "https://evil.example"},
                new String[] {"Sec-Fetch-Site", "cross-site"},
                new String[] {"Sec-Fetch-Site", "same-site"},
                new String[] {"Origin", "null"})) {
            var answer = retryAllAsAnOperatorWith(from[0], from[1]);
            assertEquals(403, answer.statusCode(), from[0] + ": " + from[1] + " " + answer.body());
            assertEquals(
                    "urn:sms-tracker:problem:cross-site-request",
                    json(answer.body()).getString("type"),
                    answer.body());
        }
        for (String[] from : List.of(
                new String[] {"Origin", "http://" + self},
                new String[] {"Sec-Fetch-Site", "same-origin"},
                new String[] {"X-Nothing", "a program says nothing"})) {
            var answer = retryAllAsAnOperatorWith(from[0], from[1]);
            assertEquals(200, answer.statusCode(), from[0] + ": " + from[1] + " " + answer.body());
        }
        // Reading is not guarded (another site cannot read the answer), nor is Sinch's endpoint.
        var read = http.send(
                HttpRequest.newBuilder(URI.create(base.toString()).resolve("/api/dead-letters"))
                        .header("Authorization", TestUsers.OPERATOR.basic())
                        .header("Origin", "https://evil.example")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, read.statusCode(), read.body());
    }

    private HttpResponse<String> retryAllAsAnOperatorWith(String header, String value) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base.toString()).resolve("/api/dead-letters/retry"))
                        .header("Authorization", TestUsers.OPERATOR.basic())
                        .header(header, value)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** What an endpoint answered; of an event stream, only its head (the stream stays open). */
    private record Answer(int statusCode, HttpHeaders headers, String body) {}

    private Answer call(String method, String pathTemplate, TestUsers user) throws Exception {
        String path = samples.getOrDefault(pathTemplate, pathTemplate).replaceAll("\\{[^}]+}", "unknown");
        if (path.endsWith("/status-events")) {
            path += "?batchId=unknown";
        }
        var request = HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        "POST".equals(method)
                                ? HttpRequest.BodyPublishers.ofString(POSTED.getOrDefault(pathTemplate, SEND))
                                : HttpRequest.BodyPublishers.noBody());
        if (user != null) {
            request.header("Authorization", user.basic());
        }
        var answer = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = answer.body()) {
            boolean stream =
                    answer.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
            return new Answer(
                    answer.statusCode(),
                    answer.headers(),
                    stream ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
