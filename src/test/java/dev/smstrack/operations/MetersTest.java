package dev.smstrack.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "recipient_delivery_report_sms, recipient_delivery_report_sms",
        "delivery_report_mms, delivery_report_mms",
        "mo_text, mo_text",
        "message_delivery_report, message_delivery_report",
        "event_delivery_report, event_delivery_report",
        "message, message",
        "unreadable, unreadable",
        "a_type_sinch_may_add, other",
        "'+46701234567', other",
        ", unknown"
    })
    void labelsOnlyTheTypesTheProductReads(String type, String label) {
        assertEquals(label, Meters.typeLabel(type));
    }
}
