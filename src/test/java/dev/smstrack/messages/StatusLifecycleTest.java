package dev.smstrack.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusLifecycleTest {

    private static final Instant EARLIER = Instant.parse("2026-01-02T03:04:05.000Z");
    private static final Instant LATER = Instant.parse("2026-01-02T03:04:05.001Z");

    @ParameterizedTest(name = "{0} at {1} over {2} at {3}: {4}")
    @CsvSource({
        // a report further along wins, whenever it was made
        "Dispatched, EARLIER, PENDING, , true",
        "Queued, EARLIER, SUBMITTED, , true",
        "Dispatched, EARLIER, Queued, LATER, true",
        "Delivered, EARLIER, Dispatched, LATER, true",
        "Failed, EARLIER, Queued, LATER, true",
        // a final status is never replaced by an intermediate one, however late
        "Dispatched, LATER, Delivered, EARLIER, false",
        "Queued, LATER, Expired, EARLIER, false",
        "Teleporting, LATER, Delivered, EARLIER, false",
        // as far along: the later report wins
        "Failed, LATER, Delivered, EARLIER, true",
        "Delivered, EARLIER, Failed, LATER, false",
        "Dispatched, LATER, Dispatched, EARLIER, true",
        "Dispatched, EARLIER, Dispatched, EARLIER, false",
        // unknown statuses are kept and ranked as intermediate
        "Teleporting, LATER, Dispatched, EARLIER, true",
        "Teleporting, EARLIER, Queued, LATER, true",
        // statuses compare case-insensitively
        "DELIVERED, EARLIER, dispatched, LATER, true",
        // Conversation API: READ follows DELIVERED, and is terminal
        "READ, EARLIER, DELIVERED, LATER, true",
        "DELIVERED, LATER, READ, EARLIER, false",
        "QUEUED_ON_CHANNEL, LATER, DELIVERED, EARLIER, false",
        // our own time-out gives way to any real final report, and to nothing else
        "Delivered, EARLIER, TIMED_OUT, LATER, true",
        "Dispatched, LATER, TIMED_OUT, EARLIER, false",
        "TIMED_OUT, LATER, Dispatched, EARLIER, true",
    })
    void movesOnlyForward(String status, String at, String current, String currentAt, boolean supersedes) {
        assertEquals(supersedes, StatusLifecycle.supersedes(status, time(at), current, time(currentAt)));
    }

    @ParameterizedTest
    @CsvSource({
        "Delivered, true",
        "failed, true",
        "Unknown, true",
        "READ, true",
        "Dispatched, false",
        "Queued, false",
        "PENDING, false",
        "Teleporting, false",
        "TIMED_OUT, true",
        "FAILED_TO_SUBMIT, true"
    })
    void knowsWhichStatusesAreFinal(String status, boolean isFinal) {
        assertEquals(isFinal, StatusLifecycle.isFinal(status));
    }

    private static Instant time(String name) {
        if (name == null) {
            return null;
        }
        return "EARLIER".equals(name) ? EARLIER : LATER;
    }
}
