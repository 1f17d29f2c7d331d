package dev.smstrack.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryAfterTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(
            nullValues = "-",
            value = {
                "1, PT1S",
                "' 30 ', PT30S",
                "0, PT0S",
                "999999999999999999999999, PT10M",
                "9223372036854775807, PT10M",
                "86400, PT10M",
                "'Tue, 01 Dec 2026 10:00:42 GMT', PT42S",
                "'Tue, 01 Dec 2026 09:59:00 GMT', PT0S",
                "'Wed, 02 Dec 2026 10:00:00 GMT', PT10M",
                "-5, -",
                "soon, -",
                "'', -"
            })
    void readsSecondsOrAnHttpDateCapped(String header, String expected) {
        assertEquals(Optional.ofNullable(expected).map(Duration::parse), RetryAfter.parse(header, NOW));
    }
}
