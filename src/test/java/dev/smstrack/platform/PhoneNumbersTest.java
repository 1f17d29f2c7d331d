package dev.smstrack.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumbersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "46701234567      | +46701234567",
                "+46701234567     | +46701234567",
                "0046701234567    | +46701234567",
                "+46 70-123 45 67 | +46701234567",
                "(555) 123.4567   | +5551234567",
                "' 46701234567 '  | +46701234567",
                "SINCH            | SINCH",
                "2734085512340733 | 2734085512340733",
                "12345            | +12345",
            })
    void normalisesToE164AndKeepsWhatIsNotANumber(String given, String expected) {
        assertEquals(expected, PhoneNumbers.e164(given));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"+46701234567, true", "46701234567, false", "+0701234567, false", "+1234567890123456, false"})
    void recognisesE164(String number, boolean valid) {
        assertEquals(valid, PhoneNumbers.isE164(number));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Invalid recipient +46701234567 | Invalid recipient +46701****67",
                "to 46701234567 and 447700900123 | to 46701****67 and 44770****23",
                "batch 01FC66621XXXXX119Z8PMV1QPQ, attempt 3 of 10 | batch 01FC66621XXXXX119Z8PMV1QPQ, attempt 3 of 10",
                "a Faroese +29812345 and 123456789 | a Faroese +298****45 and 1234****89",
                "code 1234567 stays | code 1234567 stays"
            })
    void masksWhatLooksLikeAPhoneNumberInText(String text, String masked) {
        assertEquals(masked, PhoneNumbers.maskedIn(text));
    }
}
