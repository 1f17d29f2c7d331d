package dev.smstrack.sending.guard;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RefusalSamplingTest {

    private final Instant start = Instant.parse("2026-12-07T10:00:00Z");
    private final RefusalSampling sampling = new RefusalSampling();

    @Test
    void keepsOneASecondForEachUserAndRule() {
        assertTrue(sampling.keep("mallory", Refusal.Rule.DESTINATION, start));
        assertFalse(sampling.keep("mallory", Refusal.Rule.DESTINATION, start.plusMillis(999)), "the same second");
        assertTrue(sampling.keep("mallory", Refusal.Rule.SENDER, start.plusMillis(10)), "another rule");
        assertTrue(sampling.keep("alice", Refusal.Rule.DESTINATION, start.plusMillis(10)), "another user");
        assertTrue(sampling.keep("mallory", Refusal.Rule.DESTINATION, start.plusSeconds(1)), "a second later");
    }

    @Test
    void aFloodOfUsersDoesNotGrowItWithoutBound() {
        for (int i = 0; i < 30_000; i++) {
            assertTrue(sampling.keep("user-" + i, Refusal.Rule.RATE, start.plusSeconds(i)));
        }
        assertTrue(sampling.remembered() <= 10_001, "remembered: " + sampling.remembered());
    }
}
