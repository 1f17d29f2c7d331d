package dev.smstrack.processing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smstrack.callbacks.IntakeActivity;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ConsumerLanesTest {

    /** An intake that is busy while {@code busy[0]} is true. */
    private static ConsumerLanes lanesWhile(boolean[] busy) {
        var lanes = new ConsumerLanes();
        lanes.intake = new IntakeActivity() {
            @Override
            public boolean busy() {
                return busy[0];
            }
        };
        return lanes;
    }

    @Test
    void whileTheIntakeIsQuietEveryListHasALane() throws Exception {
        var lanes = lanesWhile(new boolean[] {false});
        try (var first = lanes.take();
                var second = lanes.take()) {
            assertTrue(CompletableFuture.supplyAsync(lanes::take).get(1, TimeUnit.SECONDS) != null);
        }
    }

    @Test
    void whileTheIntakeIsBusyASecondListWaitsUntilTheFirstIsApplied() throws Exception {
        var busy = new boolean[] {true};
        var lanes = lanesWhile(busy);
        var first = lanes.take();
        var second = CompletableFuture.supplyAsync(lanes::take);
        try {
            second.get(500, TimeUnit.MILLISECONDS);
            throw new AssertionError("a second lane was given while the intake was busy");
        } catch (TimeoutException waiting) {
            assertFalse(second.isDone());
        }
        first.close();
        second.get(2, TimeUnit.SECONDS).close();
    }

    @Test
    void aListWaitingForTheBusyLaneGoesOnWhenTheIntakeQuietsDown() throws Exception {
        var busy = new boolean[] {true};
        var lanes = lanesWhile(busy);
        try (var held = lanes.take()) {
            var waiting = CompletableFuture.supplyAsync(lanes::take);
            Thread.sleep(300);
            assertFalse(waiting.isDone());
            busy[0] = false;
            waiting.get(2, TimeUnit.SECONDS).close();
        }
    }
}
