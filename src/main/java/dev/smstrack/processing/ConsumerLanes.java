package dev.smstrack.processing;

import dev.smstrack.callbacks.IntakeActivity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many lists this node applies at once: as many as the consumer has sessions while the intake
 * is quiet, one while it is busy ({@link IntakeActivity}). On two cores the consumer's sessions and
 * the database they keep busy took the CPU from the intake, which then accepted at half its rate;
 * one lane keeps the backlog moving (in larger lists), and the queue holds the rest until the
 * intake quiets down.
 */
@ApplicationScoped
public class ConsumerLanes {

    private static final long RECHECK_MILLIS = 100;

    @Inject
    IntakeActivity intake;

    private final Semaphore busyLane = new Semaphore(1);

    /** A lane to apply a list in; waits, while the intake is busy, for the one lane there is then. */
    Lane take() {
        while (intake.busy()) {
            try {
                if (busyLane.tryAcquire(RECHECK_MILLIS, TimeUnit.MILLISECONDS)) {
                    return busyLane::release;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return () -> {};
    }

    /** Held while a list is applied. */
    interface Lane extends AutoCloseable {
        @Override
        void close();
    }
}
