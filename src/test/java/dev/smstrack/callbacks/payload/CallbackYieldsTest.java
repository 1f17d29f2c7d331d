package dev.smstrack.callbacks.payload;

import static dev.smstrack.callbacks.payload.CallbackParserTest.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.smstrack.statusevents.StatusEvent.Applied;
import dev.smstrack.statusevents.StatusEvent.Report;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What applying each kind of callback yields: the reports it makes, the message it brings in. */
class CallbackYieldsTest {

    private static final Instant ARRIVED = Instant.parse("2026-12-07T10:00:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "java-node-sms-SignedRecipientDeliveryReportSms.json | applied; +33662162466 Delivered 0 at 2025-01-13T09:22:40.914Z; no inbound; no summary",
                "docs2021-sms-full-delivery-report.json | applied; +123456789 Queued 400 at 2026-12-07T10:00:00Z, +987654321 Delivered 0 at 2026-12-07T10:00:00Z, +123459876 Delivered 0 at 2026-12-07T10:00:00Z; no inbound; no summary",
                "docs2021-sms-summary-delivery-report.json | applied; null Queued 400 at 2026-12-07T10:00:00Z, null Delivered 0 at 2026-12-07T10:00:00Z; no inbound; summary",
                "docs2021-conversation-message-delivery-failed.json | applied; +12345678910 FAILED null at 2020-11-17T16:01:07Z; no inbound; no summary",
                "docs2021-sms-mo-text-callback.json | applied; ; inbound mo_text from +123456789; no summary",
                "docs2021-conversation-message-inbound.json | applied; ; inbound conversation:MESSENGER from 2742085512340733; no summary",
                "java-conversation-MessageSubmitEventDto.json | kept; ; no inbound; no summary",
            })
    void yieldsWhatItReports(String file, String expected) throws IOException {
        assertEquals(expected, describe(CallbackParser.parse(fixture(file))));
    }

    /** Every field of the report, what Sinch applied included; the time is the report's own. */
    @Test
    void aRecipientReportYieldsEveryFieldItCarries() {
        Callback callback = CallbackParser.parse(bytes(RECIPIENT_REPORT.formatted("2")));
        assertEquals(
                List.of(new Report(
                        "B1",
                        "+46701234567",
                        "ref-1",
                        "Delivered",
                        0,
                        "delivered to the handset",
                        Instant.parse("2026-12-07T09:00:00Z"),
                        "Telia",
                        Instant.parse("2026-12-07T08:59:59Z"),
                        new Applied("ACME", "GSM", 2))),
                callback.reports(ARRIVED));
    }

    /** What Sinch applied only informs: a count that is no whole number is left out, the status kept. */
    @ParameterizedTest
    @ValueSource(strings = {"\"two\"", "2.5", "-1", "0", "null"})
    void aPartsCountThatIsNoCountIsLeftOut(String parts) {
        var report = CallbackParser.parse(bytes(RECIPIENT_REPORT.formatted(parts)))
                .reports(ARRIVED)
                .get(0);
        assertEquals("Delivered", report.status());
        assertEquals(new Applied("ACME", "GSM", null), report.applied());
    }

    @Test
    void aConversationReportYieldsItsMessageAndIdentity() throws IOException {
        var report = CallbackParser.parse(fixture("docs2021-conversation-message-delivery-failed.json"))
                .reports(ARRIVED)
                .get(0);
        assertEquals(
                List.of("01EQBF0BT63J7S1FEKJZ0Z08VD", "+12345678910", "FAILED", "OUTSIDE_ALLOWED_SENDING_WINDOW"),
                Arrays.asList(report.batchId(), report.recipient(), report.status(), report.reason()));
    }

    private static final String RECIPIENT_REPORT = "{\"type\":\"recipient_delivery_report_sms\",\"batch_id\":\"B1\","
            + "\"recipient\":\"46701234567\",\"code\":0,\"status\":\"Delivered\",\"at\":\"2026-12-07T09:00:00Z\","
            + "\"client_reference\":\"ref-1\",\"status_message\":\"delivered to the handset\",\"operator\":\"Telia\","
            + "\"operator_status_at\":\"2026-12-07T08:59:59Z\",\"applied_originator\":\"ACME\",\"encoding\":\"GSM\","
            + "\"number_of_message_parts\":%s}";

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String describe(Callback callback) {
        String reports = callback.reports(ARRIVED).stream()
                .map(report -> report.recipient() + " " + report.status() + " " + report.code() + " at " + report.at())
                .collect(Collectors.joining(", "));
        String inbound = callback.inbound(ARRIVED)
                .map(message -> "inbound " + message.type() + " from " + message.sender())
                .orElse("no inbound");
        return String.join(
                "; ",
                callback.isApplied() ? "applied" : "kept",
                reports,
                inbound,
                callback.summary().isPresent() ? "summary" : "no summary");
    }
}
