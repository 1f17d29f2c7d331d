package dev.smstrack.callbacks;

import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How this node accepts callbacks ({@code CALLBACKS_…} in the environment): the writers that put
 * them on the queue in grouped commits, what may wait for them, and when the intake counts as busy.
 */
// Dependent: a bean-defining annotation, so that annotated discovery finds it and maps it.
@Dependent
@ConfigProperties(prefix = "callbacks")
public class IntakeSettings {

    /** Threads that each commit every callback waiting, up to {@link #largestGroup}, at once. */
    @ConfigProperty(name = "queue.writers", defaultValue = "4")
    int writers;

    @ConfigProperty(name = "queue.largest.group", defaultValue = "200")
    int largestGroup;

    /** What callbacks waiting for a writer may hold in all; past it, 503. */
    @ConfigProperty(name = "queue.waiting.bytes", defaultValue = "33554432")
    long waitingBytes;

    /** Callbacks accepted in a second from which the consumer yields to the intake. */
    @ConfigProperty(name = "intake.busy.per.second", defaultValue = "500")
    long busyPerSecond;
}
