package dev.smstrack.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sinch's batch parameters: the recipient's value, else the default, else the placeholder as it is. */
class PersonalisationTest {

    private static final Map<String, Map<String, String>> PARAMETERS = Map.of(
            "name", Map.of("+46701234567", "Anna", "default", "there"),
            "code", Map.of("+46701234567", "$1\\2"),
            "x.y-z_1", Map.of("default", "odd name"));

    @ParameterizedTest(name = "{0} for {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Hi ${name}! | +46701234567 | Hi Anna!",
                "Hi ${name}! | +46709999999 | Hi there!",
                "Code ${code} | +46701234567 | Code $1\\2",
                "Code ${code} | +46709999999 | Code ${code}",
                "${unknown} stays | +46701234567 | ${unknown} stays",
                "${x.y-z_1} | +46701234567 | odd name",
                "${name}${name} | +46701234567 | AnnaAnna",
                "$name {name} | +46701234567 | $name {name}",
            })
    void substitutesAsSinchDoes(String body, String recipient, String expected) {
        assertEquals(expected, Personalisation.bodyFor(body, PARAMETERS, recipient));
    }

    /** A short body with long values is built no further than the bound and a value more. */
    @Test
    void aBoundStopsTheTextEarly() {
        var long_ = Map.of("a", Map.of("default", "x".repeat(1000)));
        String text = Personalisation.bodyFor("${a}".repeat(500), long_, "+46701234567", 2000);
        assertTrue(text.length() > 2000 && text.length() <= 3000, "built " + text.length());
    }
}
