package dev.smstrack.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersInTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // a number stands alone, with or without its plus: masked
                "{\"recipient\":\"+46701234567\"}     | {\"recipient\":\"P\"}",
                "{\"recipient\":\"46701234567\"}      | {\"recipient\":\"P\"}",
                "The recipient +46701234567 is not allowed | The recipient P is not allowed",
                "[\"46701234567\",\"46701234568\"]   | [\"P\",\"46701234568\"]",
                // inside a longer number, an id or a key: another thing, untouched
                "{\"recipient\":\"4670123456712\"}    | {\"recipient\":\"4670123456712\"}",
                "{\"recipient\":\"146701234567\"}     | {\"recipient\":\"146701234567\"}",
                "{\"batch_id\":\"IT46701234567X\"}    | {\"batch_id\":\"IT46701234567X\"}",
                "{\"key\":\"a46701234567\"}           | {\"key\":\"a46701234567\"}",
            })
    void masksTheNumberWhereItStandsAsANumberAndNowhereElse(String text, String masked) {
        assertEquals(masked, NumbersInText.masked(text, "+46701234567", "P"));
    }
}
