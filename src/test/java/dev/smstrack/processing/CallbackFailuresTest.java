package dev.smstrack.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What an operator reads beside a dead letter: the innermost cause, and no one's number. */
class CallbackFailuresTest {

    @Test
    void theReasonIsTheInnermostCause() {
        var cause = new IllegalStateException(
                "list failed", new RuntimeException("flush failed", new SQLException("Table \"callback\" not found")));
        assertEquals("java.sql.SQLException: Table \"callback\" not found", CallbackFailures.reasonOf(cause));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+46701234567", "46701234567", "0701234567", "070-123 45 67", "701234567", "1234567"})
    void noNumberOfSevenDigitsOrMoreIsKept(String number) {
        String reason = CallbackFailures.reasonOf(new SQLException("Duplicate entry '" + number + "' for key"));
        assertTrue(reason.replaceAll("[^0-9]", "").isEmpty(), reason);
        assertTrue(reason.contains("Duplicate entry '"), reason);
    }

    @Test
    void shortNumbersThatSayWhatWentWrongStay() {
        assertEquals(
                "java.sql.SQLException: error 42102 after 30 s",
                CallbackFailures.reasonOf(new SQLException("error 42102 after 30 s")));
    }

    @Test
    void aLongReasonIsCut() {
        String reason = CallbackFailures.reasonOf(new RuntimeException("x".repeat(5000)));
        assertEquals(CallbackFailures.MOST_CHARACTERS, reason.length());
    }
}
