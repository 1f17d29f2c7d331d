package dev.smstrack.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginFailuresTest {

    private final Instant start = Instant.parse("2026-12-07T10:00:00Z");
    private final LoginFailures failures = new LoginFailures(5, 50, Duration.ofMinutes(5));

    @Test
    void refusesANameFromAnAddressAfterItsFailuresForTheWindowAndNoOneElse() {
        for (int i = 0; i < 4; i++) {
            failures.failed("alice", "10.0.0.1", start.plusSeconds(i));
            assertEquals(Optional.empty(), failures.refusedFor("alice", "10.0.0.1", start.plusSeconds(i)));
        }
        failures.failed("alice", "10.0.0.1", start.plusSeconds(10));
        assertEquals(
                Optional.of(Duration.ofMinutes(5)), failures.refusedFor("alice", "10.0.0.1", start.plusSeconds(10)));
        assertEquals(Optional.empty(), failures.refusedFor("bob", "10.0.0.1", start.plusSeconds(11)), "another name");
        assertEquals(Optional.empty(), failures.refusedFor("alice", "10.0.0.2", start.plusSeconds(11)), "elsewhere");
        assertEquals(
                Optional.empty(),
                failures.refusedFor("alice", "10.0.0.1", start.plusSeconds(10).plus(Duration.ofMinutes(5))),
                "for a while only");
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUpAndASuccessClearsThem() {
        for (int i = 0; i < 4; i++) {
            failures.failed("alice", "10.0.0.1", start.plusSeconds(i));
        }
        failures.failed("alice", "10.0.0.1", start.plus(Duration.ofMinutes(6)));
        assertEquals(Optional.empty(), failures.refusedFor("alice", "10.0.0.1", start.plus(Duration.ofMinutes(6))));
        for (int i = 0; i < 3; i++) {
            failures.failed(
                    "alice", "10.0.0.1", start.plus(Duration.ofMinutes(6)).plusSeconds(i));
        }
        failures.succeeded("alice", "10.0.0.1");
        failures.failed("alice", "10.0.0.1", start.plus(Duration.ofMinutes(7)));
        assertEquals(Optional.empty(), failures.refusedFor("alice", "10.0.0.1", start.plus(Duration.ofMinutes(7))));
    }

    @Test
    void anAddressSprayingManyNamesIsRefusedWhateverTheName() {
        for (int i = 0; i < 50; i++) {
            failures.failed("user" + i, "10.0.0.9", start.plusSeconds(i));
        }
        assertTrue(failures.refusedFor("someone-new", "10.0.0.9", start.plusSeconds(60))
                .isPresent());
        assertEquals(Optional.empty(), failures.refusedFor("someone-new", "10.0.0.8", start.plusSeconds(60)));
    }
}
