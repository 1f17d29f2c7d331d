package dev.smstrack.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smstrack.platform.web.Problem;
import dev.smstrack.testing.Deployments;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The OpenAPI document at /openapi: every API, its security, and the callback contract. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    @ArquillianResource
    URL base;

    JsonObject document;

    @BeforeEach
    void read() throws Exception {
        var answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base.toString()).resolve("/openapi?format=JSON"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        document = Json.createReader(new StringReader(answer.body())).readObject();
    }

    @Test
    void describesEveryApiBehindItsSecurity() {
        var paths = document.getJsonObject("paths");
        for (String path : List.of(
                "/api/sinch/callbacks",
                "/api/messages",
                "/api/messages/{id}",
                "/api/send-requests/{requestId}",
                "/api/status-events",
                "/api/received-callbacks",
                "/api/inbound-messages",
                "/api/dead-letters",
                "/api/dead-letters/{id}/replay",
                "/api/sending-guard")) {
            assertTrue(paths.containsKey(path), path + " is described: " + paths.keySet());
        }
        var schemes = document.getJsonObject("components").getJsonObject("securitySchemes");
        assertEquals("basic", schemes.getJsonObject("basic").getString("scheme"));
        assertEquals("bearer", schemes.getJsonObject("bearer").getString("scheme"));
        var send = paths.getJsonObject("/api/messages").getJsonObject("post");
        assertEquals(2, send.getJsonArray("security").size(), "a user, with Basic or a bearer token: " + send);
        assertTrue(send.getJsonArray("tags").toString().contains("sending"), send.toString());
    }

    /** A sending application finds every option of a send, the dry run, cancel and feedback. */
    @Test
    void describesTheSendOptionsCancelAndFeedback() {
        var paths = document.getJsonObject("paths");
        var send = paths.getJsonObject("/api/messages").getJsonObject("post");
        String schema = send.getJsonObject("requestBody").toString();
        var fields = document.getJsonObject("components")
                .getJsonObject("schemas")
                .getJsonObject("SendRequest")
                .getJsonObject("properties");
        assertTrue(schema.contains("SendRequest"), schema);
        for (String field :
                List.of("to", "body", "sendAt", "expireAt", "parameters", "flash", "maxParts", "feedbackEnabled")) {
            assertTrue(fields.containsKey(field), field + " is described: " + fields.keySet());
        }
        assertTrue(send.toString().contains("dryRun"), "the dry run's parameter: " + send);
        assertTrue(send.getJsonObject("responses").containsKey("429"), send.toString());
        assertTrue(
                paths.getJsonObject("/api/send-requests/{requestId}").containsKey("delete"),
                paths.getJsonObject("/api/send-requests/{requestId}").toString());
        assertTrue(
                paths.getJsonObject("/api/messages/{messageId}/feedback").containsKey("post"),
                paths.keySet().toString());
    }

    @Test
    void tellsSinchWhatEachAnswerMeans() {
        var callback = document.getJsonObject("paths")
                .getJsonObject("/api/sinch/callbacks")
                .getJsonObject("post");
        assertTrue(
                !callback.containsKey("security") && !document.containsKey("security"),
                "no user of the product: Sinch is authenticated by its signature");
        var responses = callback.getJsonObject("responses");
        for (String status : List.of("200", "400", "401", "413", "503")) {
            assertTrue(responses.containsKey(status), status + ": " + responses.keySet());
        }
        assertTrue(responses.getJsonObject("503").getString("description").contains("retries"));
        assertTrue(
                responses.getJsonObject("503").getJsonObject("content").containsKey(Problem.MEDIA_TYPE),
                "errors are RFC 9457 problems");
    }
}
