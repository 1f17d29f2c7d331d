package dev.smstrack.sending.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smstrack.sending.RemoteSendClient;
import dev.smstrack.testing.Deployments;
import dev.smstrack.testing.MetricsScrape;
import dev.smstrack.testing.ServerSettings;
import dev.smstrack.testing.TestUsers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sending guard on the deployed WAR, over REST and the remote EJB. Its settings are system
 * properties set through the management API for the length of a test (the guard reads them at each
 * send), so that the other tests send unguarded.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SendingGuardIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ServerSettings settings = new ServerSettings();

    @AfterEach
    void unguarded() throws Exception {
        settings.close();
    }

    @Test
    void aRecipientOutsideTheAllowedPrefixesIsRefusedByItsPlaceOverRestAndTheEjb() throws Exception {
        settings.set("sending.allowed.prefixes", "+4670, +4420");
        double refusedBefore = refusedMetric("destination");

        var refused = send(TestUsers.SENDER, null, null, "+46701230001", "+4915112345678");
        assertEquals(400, refused.statusCode(), refused.body());
        JsonObject problem = json(refused.body());
        assertEquals("to[1]", problem.getString("field"), refused.body());
        assertTrue(problem.getString("detail").contains("outside the destinations"), refused.body());

        var admitted = send(TestUsers.SENDER, null, null, "+46701230002", "+442071234567");
        assertEquals(202, admitted.statusCode(), admitted.body());

        // Another sender: at most one refusal a second is kept for each user and rule.
        List<String> ejb = RemoteSendClient.runAs(TestUsers.OPS, "+4915112345679", "through the EJB");
        assertEquals(1, ejb.size(), ejb.toString());
        assertTrue(ejb.get(0).startsWith("INVALID to[0] "), ejb.toString());

        assertEquals(2, refusedMetric("destination") - refusedBefore, "each refusal counted by its rule");
        JsonObject refusal = guard().getJsonArray("refusals").getJsonObject(0);
        assertEquals("destination", refusal.getString("rule"));
        assertEquals("to[0]", refusal.getString("field"));
        assertEquals(TestUsers.OPS.userName(), refusal.getString("user"));
        assertFalse(refusal.getString("detail").contains("+4915112345679"), "kept masked: " + refusal);
        assertTrue(refusal.getString("detail").contains("****"), "kept masked: " + refusal);
    }

    @Test
    void aSenderNameNotAllowedIsRefusedAndAnAllowedOneSends() throws Exception {
        settings.set("sending.allowed.senders", "Alerts");
        var refused = send(TestUsers.SENDER, null, "YourBank", "+46701230003");
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("from", json(refused.body()).getString("field"), refused.body());
        assertEquals(202, send(TestUsers.SENDER, null, "Alerts", "+46701230004").statusCode());
    }

    @Test
    void aUserPastItsRateGets429WithRetryAfterWhileOthersSendOn() throws Exception {
        // Counted in whole minutes (UTC): start early in one, so that the test stays in it.
        while (Instant.now().until(Instant.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(60), ChronoUnit.SECONDS)
                < 30) {
            Thread.sleep(1000);
        }
        settings.set("sending.rate.per.user.per.minute", Integer.toString(used("thisMinute") + 3));
        String key = "guard-" + UUID.randomUUID();
        var first = send(TestUsers.LIMITED, key, null, "+46701230005", "+46701230006");
        assertEquals(202, first.statusCode(), first.body());

        var limited = send(TestUsers.LIMITED, null, null, "+46701230007", "+46701230008");
        assertEquals(429, limited.statusCode(), limited.body());
        long retryAfter =
                Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertTrue(json(limited.body()).getString("type").endsWith("sending-rate"), limited.body());

        var replay = send(TestUsers.LIMITED, key, null, "+46701230005", "+46701230006");
        assertEquals(202, replay.statusCode(), "a repeated request costs nothing: " + replay.body());
        assertEquals(
                json(first.body()).getString("requestId"),
                json(replay.body()).getString("requestId"),
                "the repeat answers the first request");

        var tooLarge = send(TestUsers.LIMITED, null, null, recipients(50));
        assertEquals(400, tooLarge.statusCode(), tooLarge.body());
        assertTrue(json(tooLarge.body()).getString("detail").contains("split"), tooLarge.body());

        assertEquals(
                202,
                send(TestUsers.SENDER, null, null, "+46701230009", "+46701230010")
                        .statusCode(),
                "another user sends on");

        // One message is left of this minute's rate, then none: the EJB says so as REST does.
        List<String> last = RemoteSendClient.runAs(TestUsers.LIMITED, "+46701230011", "the last one");
        assertTrue(last.get(0).startsWith("REQUEST "), last.toString());
        List<String> past = RemoteSendClient.runAs(TestUsers.LIMITED, "+46701230012", "one too many");
        assertEquals(1, past.size(), past.toString());
        assertTrue(past.get(0).startsWith("LIMIT rate "), past.toString());
    }

    @Test
    void aUserPastItsDailyQuotaGets429UntilTheDayIsOver() throws Exception {
        settings.set("sending.daily.quota.per.user", Integer.toString(used("today") + 2));
        assertEquals(
                202,
                send(TestUsers.LIMITED, null, null, "+46701230013", "+46701230014")
                        .statusCode());
        var limited = send(TestUsers.LIMITED, null, null, "+46701230015");
        assertEquals(429, limited.statusCode(), limited.body());
        long retryAfter =
                Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        long untilMidnight = Instant.now()
                .until(Instant.now().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS), ChronoUnit.SECONDS);
        assertTrue(
                Math.abs(retryAfter - untilMidnight) <= 5,
                "Retry-After " + retryAfter + ", midnight in " + untilMidnight);
        assertTrue(json(limited.body()).getString("type").endsWith("sending-quota"), limited.body());
        assertEquals(guard().getInt("dailyQuotaPerUser"), used("today"), "the quota is spent, and shown so");
    }

    @Test
    void aSettingThatCannotBeReadRefusesEverySendWith503NamingIt() throws Exception {
        settings.set("sending.daily.quota.per.user", "lots");
        var refused = send(TestUsers.SENDER, null, null, "+46701230016");
        assertEquals(503, refused.statusCode(), refused.body());
        assertTrue(json(refused.body()).getString("detail").contains("SENDING_DAILY_QUOTA_PER_USER"), refused.body());
    }

    @Test
    void theGuardIsTheOperatorsToSee() throws Exception {
        for (TestUsers user : List.of(TestUsers.SENDER, TestUsers.READER)) {
            var answer = http.send(
                    HttpRequest.newBuilder(uri("api/sending-guard"))
                            .header("Authorization", user.basic())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, answer.statusCode(), user + ": " + answer.body());
        }
    }

    /** it-limited's messages in this minute or today, as the guard counts them. */
    private int used(String period) throws Exception {
        return guard().getJsonArray("users").stream()
                .map(user -> user.asJsonObject())
                .filter(user -> user.getString("user").equals(TestUsers.LIMITED.userName()))
                .mapToInt(user -> user.getInt(period))
                .findFirst()
                .orElse(0);
    }

    private JsonObject guard() throws Exception {
        var answer = http.send(
                HttpRequest.newBuilder(uri("api/sending-guard"))
                        .header("Authorization", TestUsers.OPERATOR.basic())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return json(answer.body());
    }

    private double refusedMetric(String rule) throws Exception {
        return MetricsScrape.now(http).sum("sms_tracker_sends_refused_total", "rule=\"" + rule + "\"");
    }

    private HttpResponse<String> send(TestUsers user, String idempotencyKey, String from, String... to)
            throws Exception {
        String recipients =
                java.util.Arrays.stream(to).map(n -> "\"" + n + "\"").collect(Collectors.joining(","));
        String body = "{\"to\":[" + recipients + "],\"body\":\"guarded\""
                + (from == null ? "" : ",\"from\":\"" + from + "\"") + "}";
        var request = HttpRequest.newBuilder(uri("api/messages"))
                .header("Authorization", user.basic())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String[] recipients(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> "+4670124" + String.format("%05d", i))
                .toArray(String[]::new);
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private URI uri(String path) throws Exception {
        return base.toURI().resolve("/" + path);
    }
}
