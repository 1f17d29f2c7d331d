package dev.smstrack.callbacks.payload;

import static dev.smstrack.callbacks.payload.CallbackParserTest.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Instant;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
