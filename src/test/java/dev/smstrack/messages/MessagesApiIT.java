package dev.smstrack.messages;

import static dev.smstrack.testing.SignedCallbacks.newBatchId;
import static dev.smstrack.testing.SignedCallbacks.recipientReport;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smstrack.callbacks.CallbackQueue;
import dev.smstrack.callbacks.QueuedCallback;
import dev.smstrack.testing.Deployments;
import dev.smstrack.testing.SignedCallbacks;
import dev.smstrack.testing.TestUsers;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The read API over HTTP, for messages created inside the server and reports sent through the queue. */
@ExtendWith(ArquillianExtension.class)
class MessagesApiIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.productWarWith(MessagesApiIT.class, SignedCallbacks.class);
    }

    @Inject
    Messages messages;

    @Inject
    CallbackQueue queue;

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void showsAMessageWithItsWholeHistory() throws Exception {
        String batchId = newBatchId();
        var message = new Message("+46708888001", null, batchId);
        messages.store(message);
        enqueue(recipientReport(batchId, "46708888001", "Dispatched", 401, "2026-05-06T07:08:09.010Z"));
        enqueue(recipientReport(batchId, "46708888001", "Delivered", 0, "2026-05-06T07:08:10.020Z"));

        JsonObject shown = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> json(get("api/messages/" + message.id())),
                        m -> m.getJsonArray("events").size() == 2);
        assertEquals("Delivered", shown.getString("status"));
        assertEquals(0, shown.getInt("code"));
        assertEquals("2026-05-06T07:08:10.020Z", shown.getString("statusAt"));
        assertEquals("+46708888001", shown.getString("recipient"));
        assertEquals(
                List.of("Dispatched", "Delivered"),
                shown.getJsonArray("events").stream()
                        .map(event -> event.asJsonObject().getString("status"))
                        .toList());
        assertEquals(message.id(), shown.getJsonArray("events").getJsonObject(0).getString("messageId"));
    }

    @Test
    void findsMessagesByTheirFiltersPageByPage() throws Exception {
        String batchId = newBatchId();
        for (int i = 0; i < 3; i++) {
            messages.store(new Message("+4670777000" + i, "ref-" + batchId, batchId));
        }
        JsonObject firstPage = json(get("api/messages?batchId=" + batchId + "&size=2"));
        assertEquals(3, firstPage.getInt("total"));
        assertEquals(2, firstPage.getJsonArray("items").size());
        assertEquals(
                1,
                json(get("api/messages?batchId=" + batchId + "&size=2&page=1"))
                        .getJsonArray("items")
                        .size());
        assertEquals(
                1,
                json(get("api/messages?batchId=" + batchId + "&recipient=46707770001"))
                        .getInt("total"));
        assertEquals(
                3,
                json(get("api/messages?clientReference=ref-" + batchId + "&status=PENDING"))
                        .getInt("total"));
        assertEquals(
                0,
                json(get("api/messages?batchId=" + batchId + "&status=Delivered"))
                        .getInt("total"));
        String minuteAgo = Instant.now().minusSeconds(60).toString();
        String inAnHour = Instant.now().plusSeconds(3600).toString();
        assertEquals(
                3,
                json(get("api/messages?batchId=" + batchId + "&from=" + minuteAgo))
                        .getInt("total"));
        assertEquals(
                0,
                json(get("api/messages?batchId=" + batchId + "&from=" + inAnHour))
                        .getInt("total"));
        assertEquals(
                0,
                json(get("api/messages?batchId=" + batchId + "&to=" + minuteAgo))
                        .getInt("total"));
        assertEquals(
                3,
                json(get("api/messages?batchId=" + batchId + "&from=2000-01-01&to=" + inAnHour))
                        .getInt("total"));
        assertTrue(json(get("api/messages?batchId=" + batchId))
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .get("events")
                == JsonValue.NULL);
    }

    /** What the dashboard's problems page asks for: the messages still waiting for a final status. */
    @Test
    void findsTheMessagesWithAndWithoutAFinalStatus() throws Exception {
        String batchId = newBatchId();
        var delivered = new Message("+46707771000", null, batchId);
        delivered.report("Delivered", 0, Instant.now(), null, null);
        messages.store(delivered);
        var dispatched = new Message("+46707771001", null, batchId);
        dispatched.report("Dispatched", 401, Instant.now(), null, null);
        messages.store(dispatched);
        messages.store(new Message("+46707771002", null, batchId));

        JsonObject waiting = json(get("api/messages?batchId=" + batchId + "&final=false"));
        assertEquals(2, waiting.getInt("total"), waiting.toString());
        assertTrue(waiting.getJsonArray("items").stream()
                .noneMatch(item -> item.asJsonObject().getString("status").equals("Delivered")));
        JsonObject done = json(get("api/messages?batchId=" + batchId + "&final=TRUE"));
        assertEquals(1, done.getInt("total"), done.toString());
        assertEquals(delivered.id(), done.getJsonArray("items").getJsonObject(0).getString("id"));
        assertEquals(
                "query parameter final must be true or false",
                json(get("api/messages?final=maybe")).getString("detail"));
    }

    @Test
    void answersBadRequestsAndUnknownIdsWithAReason() throws Exception {
        var unknown = get("api/messages/no-such-message");
        assertEquals(404, unknown.statusCode());
        assertEquals("no message with id no-such-message", json(unknown).getString("detail"));
        var badPage = get("api/messages?size=0");
        assertEquals(400, badPage.statusCode());
        assertEquals(
                "query parameter size must be a whole number from 1 to 500",
                json(badPage).getString("detail"));
        assertEquals(
                "query parameter from must be a date (2026-12-01) or an instant with an offset (2026-12-01T09:30:00Z)",
                json(get("api/messages?from=soon")).getString("detail"));
        assertEquals(400, get("api/status-events").statusCode());
        assertEquals(400, get("api/received-callbacks?outcome=LOST").statusCode());
    }

    @Test
    void showsReportsThatFoundNoMessageToOperators() throws Exception {
        String batchId = newBatchId();
        enqueue(recipientReport(batchId, "46708888009", "Delivered", 0, "2026-05-06T07:08:09.010Z"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> get("api/status-events/unmatched?limit=500").body().contains(batchId));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base.toString()).resolve("/" + path))
                        .header("Authorization", TestUsers.OPS.basic())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> answer) {
        return Json.createReader(new StringReader(answer.body())).readObject();
    }

    private void enqueue(String body) {
        queue.enqueue(QueuedCallback.unsigned(body.getBytes(StandardCharsets.UTF_8), Instant.now(), null));
    }
}
