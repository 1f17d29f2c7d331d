package dev.smstrack.sending;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smstrack.testing.Deployments;
import dev.smstrack.testing.MetricsScrape;
import dev.smstrack.testing.ServerSettings;
import dev.smstrack.testing.SignedCallbacks;
import dev.smstrack.testing.SimulatedSinchBatches;
import dev.smstrack.testing.TestUsers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SMS API's send options through the deployed WAR and the simulator: scheduling and cancelling,
 * expiry, per-recipient parameters, flash, a most of parts, dry runs, delivery feedback, and what
 * Sinch's reports say it applied; over REST and through the remote EJB.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SendOptionsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aScheduledSendWaitsAsScheduledAndGoesToSinchWithEveryOption() throws Exception {
        Instant sendAt = Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.MILLIS);
        JsonObject result = accepted(send(
                TestUsers.SENDER,
                "{\"to\":[\"+46701120001\",\"+46701120002\"],"
                        + "\"body\":\"Hi ${name}, your code is ${code}\",\"sendAt\":\"" + sendAt + "\","
                        + "\"expireAt\":\"" + sendAt.plus(Duration.ofDays(1)) + "\",\"flash\":true,\"maxParts\":2,"
                        + "\"feedbackEnabled\":true,\"parameters\":{\"name\":{\"+46701120001\":\"" + "Anna".repeat(40)
                        + "\",\"default\":\"there\"},\"code\":{\"default\":\"1234\"}}}"));
        assertEquals(sendAt.toString(), result.getString("sendAt"));
        var messages = result.getJsonArray("messages");
        var parts = messages.stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(m -> m.getString("recipient"), m -> m.getInt("parts")));
        assertEquals(
                Map.of("+46701120001", 2, "+46701120002", 1), parts, "the long value makes two parts, the default one");

        String requestId = result.getString("requestId");
        for (var message : messages) {
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> message(message.asJsonObject().getString("id"))
                                    .getString("status"),
                            "SCHEDULED"::equals);
        }
        JsonObject atSinch = batchAtSinch(requestId);
        assertEquals(BatchRequest.time(sendAt), atSinch.getString("send_at"));
        assertEquals(BatchRequest.time(sendAt.plus(Duration.ofDays(1))), atSinch.getString("expire_at"));
        assertTrue(atSinch.getBoolean("flash_message"));
        assertEquals(2, atSinch.getInt("max_number_of_message_parts"));
        assertTrue(atSinch.getBoolean("feedback_enabled"));
        assertEquals(
                "there",
                atSinch.getJsonObject("parameters").getJsonObject("name").getString("default"));
        assertFalse(atSinch.getBoolean("canceled"));

        JsonObject cancelled = json(cancel(TestUsers.SENDER, requestId), 200);
        assertEquals("CANCELLED", cancelled.getString("status"));
        for (var message : cancelled.getJsonArray("messages")) {
            assertEquals("CANCELLED", message.asJsonObject().getString("status"));
        }
        assertTrue(batchAtSinch(requestId).getBoolean("canceled"), "cancelled at Sinch too");
        assertEquals(cancelled, json(cancel(TestUsers.SENDER, requestId), 200), "cancelling again changes nothing");
    }

    @Test
    void aSendIsCancelledAtSinchOnlyWhileSinchHoldsIt() throws Exception {
        Instant sendAt = Instant.now().plusSeconds(10);
        JsonObject result = accepted(send(
                TestUsers.SENDER,
                "{\"to\":[\"+46701120003\"],\"body\":\"soon\",\"sendAt\":\"" + sendAt + "\","
                        + "\"deliveryReport\":\"per_recipient\"}"));
        String id = result.getJsonArray("messages").getJsonObject(0).getString("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> message(id).getString("status"), "SCHEDULED"::equals);
        JsonObject sent = await().atMost(Duration.ofSeconds(60))
                .until(() -> message(id), m -> List.of("Delivered", "Failed", "Expired")
                        .contains(m.getString("status")));
        assertFalse(
                Instant.parse(sent.getJsonArray("events").getJsonObject(0).getString("at"))
                        .isBefore(sendAt),
                "nothing was reported before its time: " + sent);

        var late = cancel(TestUsers.SENDER, result.getString("requestId"));
        assertEquals(409, late.statusCode(), late.body());
        assertTrue(late.body().contains("too late to cancel"), late.body());
    }

    /** A sender cancels its own requests only; an operator any; a reader none; nobody one that does not exist. */
    @Test
    void whoMayCancel() throws Exception {
        String later = "\"sendAt\":\"" + Instant.now().plusSeconds(3600) + "\"";
        String requestId = accepted(send(TestUsers.SENDER, "{\"to\":[\"+46701120004\"],\"body\":\"x\"," + later + "}"))
                .getString("requestId");
        awaitSubmitted(requestId);
        assertEquals(404, cancel(TestUsers.LIMITED, requestId).statusCode(), "another sender's request");
        assertEquals(403, cancel(TestUsers.READER, requestId).statusCode());
        assertEquals(
                401,
                http.send(
                                HttpRequest.newBuilder(uri("api/send-requests/" + requestId))
                                        .DELETE()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode());
        assertEquals(404, cancel(TestUsers.SENDER, "no-such-request").statusCode());
        assertEquals(
                "SUBMITTED", json(get("api/send-requests/" + requestId), 200).getString("status"));
        assertEquals(
                "CANCELLED", json(cancel(TestUsers.OPERATOR, requestId), 200).getString("status"));
    }

    @Test
    void aDryRunCountsEachRecipientAndStoresNothing() throws Exception {
        String recipient = "+46701120005";
        var answer = dryRun(
                TestUsers.SENDER,
                "{\"to\":[\"" + recipient + "\",\"+46701120006\"],\"body\":\"Hej ${name} \u263A\","
                        + "\"parameters\":{\"name\":{\"" + recipient + "\":\"Åsa\",\"default\":\"du\"}}}");
        JsonObject dryRun = json(answer, 200);
        assertEquals(2, dryRun.getInt("recipients"));
        assertEquals(2, dryRun.getInt("messages"));
        JsonObject first = dryRun.getJsonArray("perRecipient").getJsonObject(0);
        assertEquals(recipient, first.getString("recipient"));
        assertEquals("Hej Åsa \u263A", first.getString("body"));
        assertEquals("UNICODE", first.getString("encoding"));
        assertEquals(1, first.getInt("parts"));
        assertEquals(
                0,
                json(get("api/messages?recipient=%2B46701120005"), 200)
                        .getJsonArray("items")
                        .size(),
                "nothing stored");
    }

    /** Anything but true or false could be meant as true: refused, never a real send. */
    @Test
    void aDryRunIsAskedForExactly() throws Exception {
        var answer = post(TestUsers.SENDER, "api/messages?dryRun=yes", "{\"to\":[\"+46701120016\"],\"body\":\"x\"}");
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"field\":\"dryRun\""), answer.body());
        assertEquals(
                0,
                json(get("api/messages?recipient=%2B46701120016"), 200)
                        .getJsonArray("items")
                        .size());
    }

    /** Dry runs spend Sinch's API rate: a leaked password's dry runs count against the user's rate. */
    @Test
    void dryRunsCountAgainstTheRate() throws Exception {
        String twoRecipients = "{\"to\":[\"+46701120017\",\"+46701120018\"],\"body\":\"x\"}";
        try (var settings = new ServerSettings()) {
            settings.set("sending.rate.per.user.per.minute", "3");
            for (int tries = 0; ; tries++) {
                long minute = Instant.now().getEpochSecond() / 60;
                var first = dryRun(TestUsers.OPS, twoRecipients);
                var second = dryRun(TestUsers.OPS, twoRecipients);
                if (Instant.now().getEpochSecond() / 60 != minute && tries < 3) {
                    continue; // a new minute began between them: its rate is another
                }
                assertEquals(200, first.statusCode(), first.body());
                assertEquals(429, second.statusCode(), second.body());
                assertTrue(second.headers().firstValue("Retry-After").isPresent());
                break;
            }
        }
    }

    private HttpResponse<String> dryRun(TestUsers user, String body) throws Exception {
        return post(user, "api/messages?dryRun=true", body);
    }

    @Test
    void feedbackIsGivenForMessagesSentWithItOnly() throws Exception {
        JsonObject with = accepted(
                send(TestUsers.SENDER, "{\"to\":[\"+46701120007\"],\"body\":\"code 1\",\"feedbackEnabled\":true}"));
        JsonObject without = accepted(send(TestUsers.SENDER, "{\"to\":[\"+46701120008\"],\"body\":\"code 2\"}"));
        awaitSubmitted(with.getString("requestId"));
        awaitSubmitted(without.getString("requestId"));
        String withId = with.getJsonArray("messages").getJsonObject(0).getString("id");
        String withoutId = without.getJsonArray("messages").getJsonObject(0).getString("id");

        assertEquals(404, feedback(TestUsers.LIMITED, withId).statusCode(), "another sender's message");
        assertEquals(403, feedback(TestUsers.READER, withId).statusCode());
        var refused = feedback(TestUsers.SENDER, withoutId);
        assertEquals(409, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("without feedbackEnabled"), refused.body());

        JsonObject given = json(feedback(TestUsers.SENDER, withId), 202);
        assertEquals(given.getString("feedbackAt"), message(withId).getString("feedbackAt"));
        assertTrue(message(withoutId).isNull("feedbackAt"));
    }

    /** What a report says Sinch applied is kept on the message; a count of parts unlike ours is counted. */
    @Test
    void whatSinchAppliedIsStoredAndAMiscountIsCounted() throws Exception {
        JsonObject result = accepted(send(TestUsers.SENDER, "{\"to\":[\"+46701120009\"],\"body\":\"short\"}"));
        String batchId = awaitSubmitted(result.getString("requestId"));
        String id = result.getJsonArray("messages").getJsonObject(0).getString("id");
        var before = MetricsScrape.now(http);

        String report = "{\"type\":\"recipient_delivery_report_sms\",\"batch_id\":\"" + batchId
                + "\",\"recipient\":\"46701120009\",\"code\":0,\"status\":\"Delivered\",\"at\":\"" + Instant.now()
                + "\",\"applied_originator\":\"ACME\",\"encoding\":\"UNICODE\",\"number_of_message_parts\":3}";
        assertEquals(200, new SignedCallbacks(base.toURI()).post(report).statusCode());

        JsonObject message =
                await().atMost(Duration.ofSeconds(30)).until(() -> message(id), m -> !m.isNull("reportedParts"));
        assertEquals("ACME", message.getString("appliedOriginator"));
        assertEquals("UNICODE", message.getString("reportedEncoding"));
        assertEquals(3, message.getInt("reportedParts"));
        assertEquals(1, message.getInt("parts"), "our estimate stays beside it");
        assertEquals(
                1.0,
                MetricsScrape.now(http).minus(before, "sms_tracker_messages_parts_mismatched_total"),
                "one message miscounted");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "expireAt | \"expireAt\":\"2020-01-01T00:00:00Z\" | must be after now",
                "expireAt | \"expireAt\":\"2999-01-05T00:00:00Z\" | at most 3 days after now",
                "sendAt | \"sendAt\":\"tomorrow\" | must be an ISO-8601 time",
                "parameters.name | \"parameters\":{\"name\":{\"+46701120010\":\"A\"}} | has no value for +46701120011",
                "parameters.name | \"parameters\":{\"name\":{\"+46999999999\":\"A\",\"default\":\"B\"}} | +46999999999 is not a recipient",
                "parameters | \"parameters\":{\"bad name\":{\"default\":\"B\"}} | names are 1 to 64",
                "maxParts | \"maxParts\":0 | must be 1 or more",
                "flash | \"flash\":\"yes\" | must be true or false",
                "sendAt | \"sendAt\":\"2020-01-01T00:00:00Z\" | more than a day in the past",
                "sendAt | \"sendAt\":\"2999-01-01T00:00:00Z\" | at most 30 days ahead",
                "sendAt | \"sendAt\":\"+999999999-12-31T23:59:59Z\" | at most 30 days ahead",
                "parameters | \"parameters\":{\"p\":{\"default\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}},\"body\":\"${p}${p}${p}\" | longer than 2000 characters",
            })
    void anOptionSinchWouldRefuseIsA400NamingIt(String field, String options, String problem) throws Exception {
        String body = options.contains("\"body\"") ? "" : "\"body\":\"hello\",";
        var answer = send(TestUsers.SENDER, "{\"to\":[\"+46701120010\",\"+46701120011\"]," + body + options + "}");
        assertEquals(400, answer.statusCode(), answer.body());
        JsonObject problemJson =
                Json.createReader(new StringReader(answer.body())).readObject();
        assertEquals(field, problemJson.getString("field"), answer.body());
        assertTrue(answer.body().contains(problem.strip()), answer.body());
    }

    /** Expiry is bounded by the send's own time when it is scheduled. */
    @ParameterizedTest(name = "expireAt {0} minutes after sendAt")
    @CsvSource({"-1, must be after sendAt", "0, must be after sendAt", "4321, at most 3 days after sendAt"})
    void anExpiryIsBoundedByTheScheduledTime(long minutes, String problem) throws Exception {
        Instant sendAt = Instant.now().plusSeconds(3600);
        var answer = send(
                TestUsers.SENDER,
                "{\"to\":[\"+46701120019\"],\"body\":\"x\",\"sendAt\":\"" + sendAt + "\",\"expireAt\":\""
                        + sendAt.plus(Duration.ofMinutes(minutes)) + "\"}");
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"field\":\"expireAt\""), answer.body());
        assertTrue(answer.body().contains(problem), answer.body());
    }

    @Test
    void aLongTextOverMaxPartsIsRefusedBeforeSinch() throws Exception {
        var answer = send(
                TestUsers.SENDER, "{\"to\":[\"+46701120012\"],\"body\":\"" + "x".repeat(161) + "\",\"maxParts\":1}");
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("takes 2 parts"), answer.body());
    }

    /** Parameters for many recipients are more than a TEXT column holds: kept whole, not a 500. */
    @Test
    void largeParametersAreKept() throws Exception {
        var to = new StringBuilder();
        var values = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            String recipient = "+46701130" + String.format("%03d", i);
            to.append(i == 0 ? "" : ",").append('"').append(recipient).append('"');
            values.append(i == 0 ? "" : ",")
                    .append('"')
                    .append(recipient)
                    .append("\":\"")
                    .append("v".repeat(300))
                    .append('"');
        }
        var answer = send(
                TestUsers.SENDER,
                "{\"to\":[" + to + "],\"body\":\"${p}\",\"sendAt\":\""
                        + Instant.now().plusSeconds(3600) + "\",\"parameters\":{\"p\":{" + values + "}}}");
        JsonObject result = accepted(answer);
        assertEquals(2, result.getJsonArray("messages").getJsonObject(0).getInt("parts"));
        awaitSubmitted(result.getString("requestId"));
        assertEquals(
                "v".repeat(300),
                batchAtSinch(result.getString("requestId"))
                        .getJsonObject("parameters")
                        .getJsonObject("p")
                        .getString("+46701130000"));
        assertEquals(
                "CANCELLED",
                json(cancel(TestUsers.SENDER, result.getString("requestId")), 200)
                        .getString("status"));
    }

    /** The remote EJB: schedule with feedback, dry run, cancel, and the errors of each, as another application. */
    @Test
    void theRemoteEjbSchedulesDryRunsAndCancels() throws Exception {
        String sendAt =
                Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.MILLIS).toString();
        List<String> scheduled = RemoteSendClient.runAs(TestUsers.SENDER, "schedule", "+46701120013", "later", sendAt);
        assertTrue(scheduled.get(0).startsWith("REQUEST "), scheduled.toString());
        String requestId = scheduled.get(0).split(" ")[1];
        assertEquals(sendAt, scheduled.get(0).split(" ")[3]);
        awaitSubmitted(requestId);
        assertEquals("SCHEDULED", message(scheduled.get(1).split(" ")[1]).getString("status"));

        List<String> dryRun = RemoteSendClient.runAs(TestUsers.SENDER, "dry-run", "+46701120014", "x".repeat(200));
        assertEquals(List.of("DRYRUN 1 2", "RECIPIENT +46701120014 GSM 2"), dryRun);

        List<String> notYet = RemoteSendClient.runAs(
                TestUsers.SENDER, "feedback", scheduled.get(1).split(" ")[1]);
        assertTrue(notYet.get(0).startsWith("NOTNOW "), "no feedback before Sinch sends it: " + notYet);

        assertTrue(RemoteSendClient.runAs(TestUsers.LIMITED, "cancel", requestId)
                .get(0)
                .startsWith("UNKNOWN "));
        List<String> cancelled = RemoteSendClient.runAs(TestUsers.SENDER, "cancel", requestId);
        assertTrue(cancelled.get(0).startsWith("REQUEST " + requestId + " CANCELLED"), cancelled.toString());
        assertTrue(cancelled.get(1).contains(" CANCELLED "), cancelled.toString());

        String sent = RemoteSendClient.runAs(TestUsers.SENDER, "+46701120015", "now")
                .get(0)
                .split(" ")[1];
        awaitSubmitted(sent);
        assertTrue(
                RemoteSendClient.runAs(TestUsers.SENDER, "cancel", sent).get(0).startsWith("NOTNOW "));
    }

    private String awaitSubmitted(String requestId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> json(get("api/send-requests/" + requestId), 200), r -> !r.isNull("batchId"))
                .getString("batchId");
    }

    private JsonObject batchAtSinch(String requestId) throws Exception {
        var batches = SimulatedSinchBatches.withReference(http, base.toURI(), requestId);
        assertEquals(1, batches.size(), batches.toString());
        return batches.getJsonObject(0);
    }

    private HttpResponse<String> send(TestUsers user, String body) throws Exception {
        return post(user, "api/messages", body);
    }

    private HttpResponse<String> post(TestUsers user, String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", user.basic())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> cancel(TestUsers user, String requestId) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri("api/send-requests/" + requestId))
                        .header("Authorization", user.basic())
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> feedback(TestUsers user, String messageId) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri("api/messages/" + messageId + "/feedback"))
                        .header("Authorization", user.basic())
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", TestUsers.OPS.basic())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonObject message(String id) throws Exception {
        return json(get("api/messages/" + id), 200);
    }

    private URI uri(String path) throws Exception {
        return base.toURI().resolve("/" + path);
    }

    private static JsonObject accepted(HttpResponse<String> answer) {
        return json(answer, 202);
    }

    private static JsonObject json(HttpResponse<String> answer, int status) {
        assertEquals(status, answer.statusCode(), answer.body());
        return Json.createReader(new StringReader(answer.body())).readObject();
    }
}
