package dev.smstrack.callbacks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IntakeActivityTest {

    /** An intake busy from {@code busyPerSecond} callbacks a second. */
    static IntakeActivity busyFrom(long busyPerSecond) {
        var settings = new IntakeSettings();
        settings.busyPerSecond = busyPerSecond;
        var activity = new IntakeActivity();
        activity.settings = settings;
        return activity;
    }

    @Test
    void isBusyOnceASecondSawTheThresholdAndNotBefore() {
        var activity = busyFrom(50);
        assertFalse(activity.busy(), "nothing accepted yet");
        for (int i = 0; i < 10; i++) {
            activity.accepted();
        }
        // Ten may straddle two seconds; neither second reaches fifty.
        assertFalse(activity.busy(), "ten accepted");
        for (int i = 0; i < 200; i++) {
            activity.accepted();
        }
        assertTrue(activity.busy(), "two hundred and ten accepted at once");
    }
}
