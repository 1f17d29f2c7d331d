package dev.smstrack.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsEncodingTest {

    @ParameterizedTest(name = "{0} x {1}: {2}, {3} units, {4} parts")
    @CsvSource({
        "a, 1, GSM, 1, 1",
        "a, 160, GSM, 160, 1",
        "a, 161, GSM, 161, 2",
        "a, 306, GSM, 306, 2",
        "a, 307, GSM, 307, 3",
        "€, 80, GSM, 160, 1",
        "€, 81, GSM, 162, 2",
        "Ä, 160, GSM, 160, 1",
        "é, 160, GSM, 160, 1",
        "ç, 1, UNICODE, 1, 1",
        "ç, 70, UNICODE, 70, 1",
        "ç, 71, UNICODE, 71, 2",
        "ç, 134, UNICODE, 134, 2",
        "ç, 135, UNICODE, 135, 3",
        "Ж, 10, UNICODE, 10, 1",
    })
    void countsUnitsAndParts(String character, int times, String encoding, int units, int parts) {
        assertEquals(new SmsEncoding(encoding, units, parts), SmsEncoding.of(character.repeat(times)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Hello, world!                       | GSM",
                "Your code is 1234 [valid 5 min]     | GSM",
                "Grüße aus Köln                      | GSM",
                "Привет                              | UNICODE",
                "Café ç                              | UNICODE",
                "Thumbs up 👍                         | UNICODE",
            })
    void choosesGsmWheneverEveryCharacterFits(String body, String encoding) {
        assertEquals(encoding, SmsEncoding.of(body.strip()).name());
    }
}
