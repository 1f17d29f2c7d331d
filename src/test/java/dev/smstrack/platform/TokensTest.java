package dev.smstrack.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokensTest {

    @ParameterizedTest(name = "\"{0}\" plain within 8 with _- : {1}")
    @CsvSource({
        "01HZX9, true",
        "a_b-C9, true",
        "abcdefgh, true",
        "abcdefghi, false", // longer than 8
        "'', false",
        "a.b, false", // a dot could shift bytes between body and nonce
        "a b, false",
        "ä, false", // letters outside ASCII
        "'a\nb', false",
    })
    void plainTokensAreShortAsciiLettersDigitsAndTheOthersGiven(String text, boolean plain) {
        assertEquals(plain, Tokens.isPlain(text, 8, "_-"));
    }

    @ParameterizedTest(name = "\"{0}\" digits within 3: {1}")
    @CsvSource({"1, true", "123, true", "1234, false", "'', false", "1a, false", "-1, false", "١٢, false"})
    void digitsAreAsciiDigitsOnly(String text, boolean digits) {
        assertEquals(digits, Tokens.isDigits(text, 3));
    }
}
