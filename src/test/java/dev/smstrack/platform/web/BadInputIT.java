package dev.smstrack.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smstrack.testing.Deployments;
import dev.smstrack.testing.ServerLog;
import dev.smstrack.testing.TestUsers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input, tried as a new user would: each answer is a 400 that names what is wrong, and nothing
 * of it reaches the server log as an error (an anonymous client cannot flood it with stack traces).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadInputIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest(name = "POST {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "'{\"to\":'                                            | not valid JSON",
                "'[1,2]'                                               | a JSON object",
                "'\"+46701234567\"'                                    | a JSON object",
                "'{\"to\":\"+46701234567\",\"body\":\"hi\"}'           | to",
                "'{\"to\":[46701234567],\"body\":\"hi\"}'              | to",
                "'{\"to\":[\"+46701234567\"],\"body\":{\"text\":1}}'   | body",
                "'{\"to\":[\"+46701234567\"],\"body\":\"hi\",\"from\":7}' | from",
                "''                                                    | request",
            })
    void aBrokenSendRequestIsA400NamingTheProblem(String body, String named) throws Exception {
        long logEnd = ServerLog.end();
        var answer = http.send(
                HttpRequest.newBuilder(uri("api/messages"))
                        .header("Authorization", TestUsers.SENDER.basic())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertClear400(answer, named, logEnd);
    }

    @ParameterizedTest(name = "GET {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "api/messages?page=2147483647&size=500          | page",
                "api/messages?page=99999999999                  | page",
                "api/messages?page=abc                          | page",
                "api/messages?page=-1                           | page",
                "api/messages?page=100                          | page",
                "api/messages?page=20&size=500                  | narrow it by its filters",
                "api/messages?size=abc                          | size",
                "api/messages?size=0                            | size",
                "api/messages?size=501                          | size",
                "api/messages?status=NOPE                       | delivered",
                "api/inbound-messages?page=4294967296           | page",
                "api/received-callbacks?outcome=NOPE            | outcome",
                "api/received-callbacks?size=1e3                | size",
                "api/received-callbacks?type=mo_text            | outcome=KEPT",
                "api/received-callbacks?outcome=APPLIED&type=x  | outcome=KEPT",
                "api/status-events?batchId=B&page=1073741824&size=2 | page",
                "api/status-events?recipient=%2B46701234567     | batchId",
                "api/status-events/unmatched?limit=abc          | limit",
                "api/dead-letters?limit=abc                     | limit",
            })
    void aBrokenQueryIsA400NamingTheParameter(String pathAndQuery, String named) throws Exception {
        long logEnd = ServerLog.end();
        var answer = http.send(
                HttpRequest.newBuilder(uri(pathAndQuery))
                        .header("Authorization", TestUsers.OPS.basic())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertClear400(answer, named, logEnd);
    }

    private static void assertClear400(HttpResponse<String> answer, String named, long logEnd) throws Exception {
        assertEquals(400, answer.statusCode(), answer.body());
        JsonObject problem = Json.createReader(new StringReader(answer.body())).readObject();
        String reason = problem.getString("detail", "");
        assertTrue(reason.contains(named), "the answer names " + named + ": " + answer.body());
        List<String> severe = ServerLog.linesSince(logEnd).stream()
                .filter(line -> line.contains(" ERROR ") || line.contains("SEVERE"))
                .toList();
        assertEquals(List.of(), severe, "nothing is logged as an error");
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve("/" + path);
    }
}
