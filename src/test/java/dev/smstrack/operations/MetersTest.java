package dev.smstrack.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;
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

    /** Each counter is registered once and found again; its labels tell counters apart. */
    @Test
    void countsIntoOneCounterALabelSet() {
        var meters = new Meters();
        meters.injected = new SimpleMeterRegistry();
        meters.findExportedRegistry();

        meters.callbackAnswered("recipient_delivery_report_sms", Meters.Answer.ACCEPTED);
        meters.callbackAnswered("recipient_delivery_report_sms", Meters.Answer.ACCEPTED);
        meters.callbackAnswered("recipient_delivery_report_sms", Meters.Answer.MALFORMED);
        meters.callbackCommitted(Instant.EPOCH, Instant.EPOCH.plusSeconds(1));
        meters.callbackCommitted(Instant.EPOCH, Instant.EPOCH.plusSeconds(3));

        String received = "sms_tracker.callbacks.received";
        assertEquals(2, meters.registry().find(received).counters().size());
        assertEquals(
                2.0,
                meters.registry()
                        .find(received)
                        .tag("answer", "accepted")
                        .counter()
                        .count());
        assertEquals(
                1.0,
                meters.registry()
                        .find(received)
                        .tag("answer", "malformed")
                        .counter()
                        .count());
        var processing =
                meters.registry().find("sms_tracker.callbacks.processing").timer();
        assertEquals(2, processing.count());
        assertEquals(4.0, processing.totalTime(java.util.concurrent.TimeUnit.SECONDS));
    }
}
