package dev.smstrack.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Sends SMS through {@code POST /api/messages} as a caller would, for tests that follow what happens next. */
public final class MessagesApi {

    private MessagesApi() {}

    /** Sends the JSON request as the user; asserts that it was accepted (202) and returns its request id. */
    public static String send(URL base, TestUsers user, String body) throws Exception {
        var answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base.toString()).resolve("/api/messages"))
                                .header("Authorization", user.basic())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(202, answer.statusCode(), answer.body());
        return Json.createReader(new StringReader(answer.body())).readObject().getString("requestId");
    }
}
