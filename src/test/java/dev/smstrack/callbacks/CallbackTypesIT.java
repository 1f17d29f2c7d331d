package dev.smstrack.callbacks;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.smstrack.testing.Deployments;
import dev.smstrack.testing.SignedCallbacks;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each kind of callback Sinch sends, taken from the shared fixtures, posted signed and found again
 * through the read API. Each fixture's identifiers are made unique so that runs do not collide.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CallbackTypesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    @ArquillianResource
    URL base;

    /**
     * fixture | its identifier (becomes ID) | its sender number (becomes NUMBER) | where to look |
     * how many (none: found by its identifier) | field of the first item | its value.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "java-sms-RecipientDeliveryReportSMSDto.json | 01FC66621XXXXX119Z8PMV1QPQ | - | api/status-events?batchId=ID | 1 | status | Dispatched",
                "java-sms-RecipientDeliveryReportMMSDto.json | 01FC66621XXXXX119Z8PMV1QPQ | - | api/status-events?batchId=ID | 1 | recipient | +44231235674",
                "docs2021-sms-full-delivery-report.json | {batch_id} | - | api/status-events?batchId=ID | 3 | - | -",
                "docs2021-sms-summary-delivery-report.json | {batch_id} | - | api/status-events?batchId=ID | 2 | - | -",
                "java-sms-BatchDeliveryReportMMSDto.json | 01FC66621XXXXX119Z8PMV1QPQ | - | api/status-events?batchId=ID | 1 | status | Delivered",
                "java-sms-InboundTextDto.json | 01FC66621XXXXX119Z8PMV1QPA | 11203494390 | api/inbound-messages?from=NUMBER | 1 | body | a body",
                "node-sms-inline-mo_binary.json | 01XXXXX21XXXXX119Z8P1XXXXX | 16051234567 | api/inbound-messages?from=NUMBER | 1 | body | VGhpcyBpcyB0aGUgU01TIGJvZHk=",
                "java-sms-InboundMediaDto.json | 01FC66621XXXXX119Z8PMV1QPA | 11203494390 | api/inbound-messages?from=NUMBER | 1 | type | mo_media",
                "java-conversation-MessageDeliveryReceiptEventDto.json | message id | - | api/status-events?batchId=ID | 1 | reason | RECIPIENT_NOT_OPTED_IN",
                "docs2021-conversation-message-delivery-failed.json | 01EQBF0BT63J7S1FEKJZ0Z08VD | - | api/status-events?batchId=ID | 1 | status | FAILED",
                "java-conversation-EventDeliveryReceiptEventDto.json | event id | - | api/status-events?batchId=ID | 1 | status | DELIVERED",
                "docs2021-conversation-message-inbound.json | 01EQ8235TD19N21XQTH12B145D | 2742085512340733 | api/inbound-messages?from=NUMBER | 1 | body | Hi!",
                "java-conversation-MessageInboundEventDto.json | event id | - | api/inbound-messages?to=app+id+value&size=500 | - | - | -",
                "java-node-dotnet-conversation-SignedContactCreateEvent.json | 01FJA8B466Y0R2GNXD78MD9SM1 | - | api/received-callbacks?outcome=KEPT&type=contact_create_notification&size=500 | - | - | -",
                "java-conversation-UnsupportedCallbackEventDto.json | id value | - | api/received-callbacks?outcome=KEPT&type=unsupported_callback&size=500 | - | - | -",
            })
    void storesEachKindOfCallback(
            String fixture, String id, String number, String where, Integer count, String field, String value)
            throws Exception {
        var sinch = new SignedCallbacks(base.toURI());
        String uniqueId = SignedCallbacks.newBatchId();
        String uniqueNumber = number == null ? null : uniqueDigits(number.length());
        String body = read(fixture).replace(id, uniqueId);
        if (number != null) {
            body = body.replace(number, uniqueNumber);
        }
        var answer = sinch.post(body);
        assertEquals(200, answer.statusCode(), answer.body());

        String query = where.replace("ID", uniqueId).replace("NUMBER", uniqueNumber == null ? "" : uniqueNumber);
        if (count == null) {
            // Found by content: the kept callback (or message) that carries this run's identifier.
            await().atMost(Duration.ofSeconds(30)).until(() -> sinch.getJson(query).getJsonArray("items").stream()
                    .map(JsonObject.class::cast)
                    .anyMatch(item -> item.toString().contains(uniqueId)));
            return;
        }
        JsonObject found = await().atMost(Duration.ofSeconds(30))
                .until(() -> sinch.getJson(query), page -> page.getInt("total") == count);
        if (field != null) {
            assertEquals(value, found.getJsonArray("items").getJsonObject(0).getString(field));
        }
    }

    private static String uniqueDigits(int length) {
        var digits = new StringBuilder("4");
        while (digits.length() < length) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString();
    }

    private static String read(String fixture) throws Exception {
        try (InputStream in = CallbackTypesIT.class.getResourceAsStream("/sinch/payloads/" + fixture)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
