package dev.smstrack.callbacks.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every callback payload of the shared fixtures, read as what it is. */
class CallbackParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "java-sms-RecipientDeliveryReportSMSDto.json | recipient_delivery_report_sms 01FC66621XXXXX119Z8PMV1QPQ +44231235674 Dispatched 401 2022-08-30T08:16:08.930Z client reference",
                "java-sms-RecipientDeliveryReportMMSDto.json | recipient_delivery_report_mms 01FC66621XXXXX119Z8PMV1QPQ +44231235674 Dispatched 401 2022-08-30T08:16:08.930Z client reference",
                "docs2021-sms-recipient-delivery-report.json | recipient_delivery_report_sms {batch_id} +123456789 Delivered 0 2016-10-02T09:34:18.542Z null",
                "dotnet-sms-inline-RecipientDeliveryReportMinimal.json | recipient_delivery_report_sms 01FC66621XXXXX119Z8PMV1QPQ +44231235674 Dispatched 401 2022-08-30T08:16:08.930Z null",
                "node-sms-inline-recipient_delivery_report_sms.json | recipient_delivery_report_sms batch_id_value +1234567890 Delivered 0 2024-01-10T08:49:58.429Z null",
                "java-node-sms-SignedRecipientDeliveryReportSms.json | recipient_delivery_report_sms 01JHFFHQ0P99JPPNQPJDV7JTBP +33662162466 Delivered 0 2025-01-13T09:22:40.914Z a client reference",
                "java-sms-BatchDeliveryReportSMSDto.json | delivery_report_sms 01FC66621XXXXX119Z8PMV1QPQ a client reference [Delivered 0 1 [+44231235674]]",
                "java-sms-BatchDeliveryReportMMSDto.json | delivery_report_mms 01FC66621XXXXX119Z8PMV1QPQ a client reference [Delivered 0 1 [+44231235674]]",
                "docs2021-sms-full-delivery-report.json | delivery_report_sms {batch_id} null [Queued 400 1 [+123456789], Delivered 0 2 [+987654321, +123459876]]",
                "docs2021-sms-summary-delivery-report.json | delivery_report_sms {batch_id} null [Queued 400 1 [], Delivered 0 2 []]",
                "dotnet-sms-inline-DeliveryReportNoClientReference.json | delivery_report_sms 01FC66621XXXXX119Z8PMV1QPQ null [Delivered 0 1 [+44231235674]]",
                "node-sms-inline-delivery_report_sms.json | delivery_report_sms batch_id_value null [Delivered 0 1 [+1234567890]]",
                "java-sms-InboundTextDto.json | mo_text 01FC66621XXXXX119Z8PMV1QPA +11203494390 +11203453453 a body",
                "docs2021-sms-mo-text-callback.json | mo_text {batch_id} +123456789 +12345 Help",
                "java-sms-InboundBinaryDto.json | mo_binary 01FC66621XXXXX119Z8PMV1QPA +11203494390 +11203453453 a body",
                "node-sms-inline-mo_binary.json | mo_binary 01XXXXX21XXXXX119Z8P1XXXXX +16051234567 +13185551234 VGhpcyBpcyB0aGUgU01TIGJvZHk=",
                "java-sms-InboundMediaDto.json | mo_media 01FC66621XXXXX119Z8PMV1QPA +11203494390 +11203453453 {\"subject\":\"mmy subject\"",
                "dotnet-sms-InboundMedia.json | mo_media 01FC66621XXXXX119Z8PMV1QPA +11203494390 +11203453453 {\"subject\":\"mmy subject\"",
                "java-conversation-MessageDeliveryReceiptEventDto.json | message_delivery_report message id DELIVERED MESSENGER an identity RECIPIENT_NOT_OPTED_IN correlation id value 2020-11-17T16:05:45Z",
                "docs2021-conversation-message-delivery-failed.json | message_delivery_report 01EQBF0BT63J7S1FEKJZ0Z08VD FAILED WHATSAPP +12345678910 OUTSIDE_ALLOWED_SENDING_WINDOW null 2020-11-17T16:01:07Z",
                "docs2021-conversation-message-delivery-queued-on-channel.json | message_delivery_report 01EQBC1A3BEK731GY4YXEN0C2R QUEUED_ON_CHANNEL MESSENGER 2734085512340733 null null 2020-11-17T15:09:13.267185Z",
                "python-conversation-SignedMessageDeliveryReport.json | message_delivery_report 01EQBC1A3BEK731GY4YXEN0C2R QUEUED_ON_CHANNEL null null null null 2020-11-17T15:09:11.659Z",
                "java-conversation-EventDeliveryReceiptEventDto.json | event_delivery_report event id DELIVERED MESSENGER an identity RECIPIENT_NOT_OPTED_IN correlation id value 2020-11-17T16:05:45Z",
                "java-conversation-MessageInboundEventDto.json | message event id MESSENGER an identity app id value This is a text message. 2020-11-17T16:05:45Z",
                "docs2021-conversation-message-inbound.json | message 01EQ8235TD19N21XQTH12B145D MESSENGER 2742085512340733 01EB37HMH1M6SV18ABNS3G135H Hi! 2020-11-16T08:17:42.814Z",
                "java-conversation-UnsupportedCallbackEventDto.json | unhandled unsupported_callback",
                "java-conversation-MessageSubmitEventDto.json | unhandled message_submit_notification",
                "java-conversation-InboundContactEventDto.json | unhandled event",
                "docs2021-conversation-event-inbound-composing.json | unhandled event",
                "java-node-dotnet-conversation-SignedContactCreateEvent.json | unhandled contact_create_notification",
            })
    void readsEachCallbackAsWhatItIs(String file, String expected) throws IOException {
        assertEquals(expected, describe(CallbackParser.parse(fixture(file))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "not json                 | {\"type\":                                               | the body is not valid JSON",
                "an array                 | [1,2]                                                    | the body is JSON but not an object",
                "no type, no envelope     | {\"batch_id\":\"B\"}                                     | neither an SMS callback (no type field) nor a Conversation API callback",
                "report without batch     | {\"type\":\"recipient_delivery_report_sms\",\"recipient\":\"1\",\"status\":\"Delivered\",\"at\":\"2026-01-01T00:00:00Z\"} | missing required field batch_id",
                "report with a bad time   | {\"type\":\"recipient_delivery_report_sms\",\"batch_id\":\"B\",\"recipient\":\"1\",\"status\":\"Delivered\",\"at\":\"yesterday\"} | field at is not an ISO-8601 date-time: yesterday",
                "code that is no number   | {\"type\":\"recipient_delivery_report_sms\",\"batch_id\":\"B\",\"recipient\":\"1\",\"status\":\"Delivered\",\"code\":\"zero\",\"at\":\"2026-01-01T00:00:00Z\"} | field code must be an integer",
                "batch report, no list    | {\"type\":\"delivery_report_sms\",\"batch_id\":\"B\"}    | missing required array statuses",
                "inbound without id       | {\"type\":\"mo_text\",\"from\":\"1\",\"to\":\"2\",\"body\":\"x\"} | missing required field id",
                "batch id too long        | {\"type\":\"recipient_delivery_report_sms\",\"batch_id\":\"BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB\",\"recipient\":\"1\",\"status\":\"Delivered\",\"at\":\"2026-01-01T00:00:00Z\"} | field batch_id is longer than 64 characters",
                "a huge exponent          | {\"type\":\"recipient_delivery_report_sms\",\"batch_id\":\"B\",\"recipient\":\"1\",\"status\":\"Delivered\",\"code\":4e0188888888888888888,\"at\":\"2026-01-01T00:00:00Z\"} | field code holds a number that cannot be read",
                "a nested huge number     | {\"type\":\"delivery_report_sms\",\"batch_id\":\"B\",\"statuses\":[{\"status\":\"Delivered\",\"count\":1},{\"count\":1e99999999999}]} | field statuses[1].count holds a number that cannot be read",
                "a time in year 300000000 | {\"type\":\"recipient_delivery_report_sms\",\"batch_id\":\"B\",\"recipient\":\"1\",\"status\":\"Delivered\",\"at\":\"+300000000-01-01T00:00:00Z\"} | field at is outside the years 1970 to 9999",
                "a time before 1970       | {\"type\":\"mo_text\",\"id\":\"I\",\"from\":\"1\",\"to\":\"2\",\"body\":\"x\",\"sent_at\":\"1969-12-31T23:59:59Z\"} | field sent_at is outside the years 1970 to 9999",
                "inbound, no sender       | {\"app_id\":\"A\",\"message\":{\"id\":\"M\",\"channel_identity\":{\"channel\":\"SMS\"}},\"event_time\":\"2026-01-01T00:00:00Z\"} | missing required field message.channel_identity.identity",
                "channel too long         | {\"app_id\":\"A\",\"message\":{\"id\":\"M\",\"channel_identity\":{\"channel\":\"CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC\",\"identity\":\"x\"}},\"event_time\":\"2026-01-01T00:00:00Z\"} | field channel_identity.channel is longer than 32 characters",
                "operator time unreadable | {\"type\":\"recipient_delivery_report_sms\",\"batch_id\":\"B\",\"recipient\":\"1\",\"status\":\"Delivered\",\"at\":\"2026-01-01T00:00:00Z\",\"operator_status_at\":\"soon\"} | field operator_status_at is not an ISO-8601 date-time: soon",
                "conversation, no status  | {\"app_id\":\"A\",\"message_delivery_report\":{\"message_id\":\"M\"},\"event_time\":\"2026-01-01T00:00:00Z\"} | missing required field status",
            })
    void saysWhatIsWrongWithAnUnreadableCallback(String why, String body, String problem) {
        var failure = assertThrows(
                MalformedCallbackException.class,
                () -> CallbackParser.parse(body.getBytes(StandardCharsets.UTF_8)),
                why);
        assertEquals(problem, failure.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "java-sms-RecipientDeliveryReportSMSDto.json      | operator | 2022-08-30T08:16:08.150Z",
                "java-node-sms-SignedRecipientDeliveryReportSms.json | null  | 2025-01-13T09:22:00Z",
                "dotnet-sms-inline-RecipientDeliveryReportMinimal.json | null | null",
            })
    void readsTheOperatorAndItsTimeWhereSinchReportsThem(String file, String operator, String operatorAt)
            throws IOException {
        var report = (RecipientDeliveryReport) CallbackParser.parse(fixture(file));
        assertEquals(operator, String.valueOf(report.operator()));
        assertEquals(operatorAt, String.valueOf(report.operatorStatusAt()));
    }

    @Test
    void cutsAnOperatorNameTooLongToStoreRatherThanRefusingTheReport() {
        var report = (RecipientDeliveryReport) CallbackParser.parse(bytes("{\"type\":\"recipient_delivery_report_sms\","
                + "\"batch_id\":\"B\",\"recipient\":\"1\",\"status\":\"Delivered\",\"at\":\"2026-01-01T00:00:00Z\","
                + "\"operator\":\"" + "O".repeat(300) + "\"}"));
        assertEquals(64, report.operator().length());
    }

    @Test
    void keepsUnknownTypesStatusesAndCodesInsteadOfRejectingThem() {
        var unknownType = CallbackParser.parse(bytes("{\"type\":\"recipient_delivery_report_rcs\",\"x\":1}"));
        assertEquals("unhandled recipient_delivery_report_rcs", describe(unknownType));
        var unknownStatus = CallbackParser.parse(bytes("{\"type\":\"recipient_delivery_report_sms\",\"batch_id\":\"B\","
                + "\"recipient\":\"46701234567\",\"status\":\"Teleported\",\"code\":499,\"at\":\"2026-01-01T00:00:00Z\","
                + "\"brand_new_field\":{\"a\":1}}"));
        assertEquals(
                "recipient_delivery_report_sms B +46701234567 Teleported 499 2026-01-01T00:00:00Z null",
                describe(unknownStatus));
    }

    @Test
    void identifiesARecipientReportByItsContentNotItsBytes() {
        String report = "{\"type\":\"recipient_delivery_report_sms\",\"batch_id\":\"B\",\"recipient\":\"46701234567\","
                + "\"status\":\"Delivered\",\"code\":0,\"at\":\"2026-01-01T00:00:00.123Z\"}";
        String sameReworded = "{\"at\":\"2026-01-01T00:00:00.123Z\",\"code\":\"0\",\"status\":\"DELIVERED\","
                + "\"recipient\":\"+46701234567\",\"batch_id\":\"B\",\"type\":\"recipient_delivery_report_sms\"}";
        String later = report.replace("00.123Z", "00.124Z");
        assertEquals(dedupKeyOf(report), dedupKeyOf(sameReworded));
        assertNotEquals(dedupKeyOf(report), dedupKeyOf(later));
    }

    private static String dedupKeyOf(String body) {
        return CallbackParser.parse(bytes(body)).dedupKey();
    }

    /** One line that shows everything the parser extracted. */
    static String describe(Callback callback) {
        if (callback instanceof RecipientDeliveryReport r) {
            return String.join(
                    " ",
                    r.type(),
                    r.batchId(),
                    r.recipient(),
                    r.status(),
                    String.valueOf(r.code()),
                    r.at().toString(),
                    String.valueOf(r.clientReference()));
        }
        if (callback instanceof BatchDeliveryReport b) {
            return b.type() + " " + b.batchId() + " " + b.clientReference() + " "
                    + b.statuses().stream()
                            .map(s -> s.status() + " " + s.code() + " " + s.count() + " " + s.recipients())
                            .collect(Collectors.joining(", ", "[", "]"));
        }
        if (callback instanceof InboundSms m) {
            String body =
                    m.body().startsWith("{") ? m.body().substring(0, m.body().indexOf(',')) : m.body();
            return String.join(" ", m.type(), m.id(), m.from(), m.to(), body);
        }
        if (callback instanceof ConversationDeliveryReport c) {
            return String.join(
                    " ",
                    c.type(),
                    c.messageId(),
                    c.status(),
                    c.channel(),
                    c.identity(),
                    String.valueOf(c.reason()),
                    String.valueOf(c.correlationId()),
                    c.at().toString());
        }
        if (callback instanceof ConversationInbound c) {
            return String.join(" ", c.type(), c.id(), c.channel(), c.from(), c.to(), c.body(), c.at().toString());
        }
        return "unhandled " + callback.type();
    }

    static byte[] fixture(String file) throws IOException {
        try (InputStream in = CallbackParserTest.class.getResourceAsStream("/sinch/payloads/" + file)) {
            return in.readAllBytes();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
