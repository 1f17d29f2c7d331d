package dev.smstrack.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.smstrack.sending.api.SendOptions;
import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What an attempt asks Sinch, and what it comes to, for each kind of claim. */
class SubmitterTest {

    private final List<String> calls = new ArrayList<>();
    private final Submitter submitter = new Submitter();

    SubmitterTest() {
        submitter.sinch = new SinchClient() {
            @Override
            public List<String> batchIdsWithClientReference(String clientReference) {
                calls.add("lookup");
                return List.of();
            }

            @Override
            public SinchAnswer createBatch(BatchRequest batch) {
                calls.add("create");
                return new SinchAnswer(
                        201, Json.createObjectBuilder().add("id", "01NEW").build(), Optional.empty());
            }
        };
    }

    @Test
    void aFirstAttemptCreatesWithoutALookup() {
        assertEquals(new SubmissionOutcome.Submitted("01NEW"), submitter.outcomeOf(claim(1, false, false, 60)));
        assertEquals(List.of("create"), calls);
    }

    @Test
    void anAttemptThatMayFollowOneThatReachedSinchLooksUpFirst() {
        assertEquals(new SubmissionOutcome.Submitted("01NEW"), submitter.outcomeOf(claim(2, true, false, 60)));
        assertEquals(List.of("lookup", "create"), calls);
    }

    @Test
    void anAttemptPastItsBudgetOnlyLooksUp() {
        var outcome = submitter.outcomeOf(claim(7, true, true, 60));
        assertEquals(new SubmissionOutcome.Failed("gave up after 6 attempts and 120 s"), outcome);
        assertEquals(List.of("lookup"), calls);
    }

    /** Past the time a create may start, another delivery may soon claim the request: no create. */
    @Test
    void anAttemptOutOfTimeCreatesNothingAndIsTriedAgain() {
        var outcome = submitter.outcomeOf(claim(2, true, false, -1));
        assertEquals(
                new SubmissionOutcome.RetryLater(Optional.empty(), "the attempt ran out of time before it could send"),
                outcome);
        assertEquals(List.of("lookup"), calls);
    }

    private static SubmissionSteps.Claim claim(
            int attempt, boolean mayHaveReachedSinch, boolean pastBudget, long secondsLeftToCreate) {
        var batch = new BatchRequest(
                List.of("+46701234567"), "ACME", "hi", "none", "ref", Optional.empty(), SendOptions.NONE);
        return new SubmissionSteps.Claim(
                "ref",
                attempt,
                "delivery",
                batch,
                mayHaveReachedSinch,
                pastBudget,
                120,
                Instant.now().plus(Duration.ofSeconds(secondsLeftToCreate)));
    }
}
