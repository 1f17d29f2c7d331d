package dev.smstrack.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How long reconciliation waits before it looks a message up again: doubling, at most 6 h. */
class ReconciliationWaitTest {

    @ParameterizedTest(name = "after {0} checks: {1}")
    @CsvSource({"0, PT10M", "1, PT20M", "2, PT40M", "5, PT5H20M", "6, PT6H", "40, PT6H", "2147483647, PT6H"})
    void doublesUpToSixHours(int checksMade, String wait) {
        assertEquals(Duration.parse(wait), ReconciliationSteps.waitAfter(Duration.ofMinutes(10), checksMade));
    }
}
