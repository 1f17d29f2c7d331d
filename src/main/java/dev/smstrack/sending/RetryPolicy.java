package dev.smstrack.sending;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a submission again: exponential backoff with jitter, never sooner than Sinch's
 * Retry-After, and never beyond the attempt limit or the time budget of a submission.
 */
record RetryPolicy(int maxAttempts, Duration budget, Duration base, Duration cap) {

    /** The delay before the attempt after {@code attempt}, or empty if there is to be none. */
    Optional<Duration> delayAfter(int attempt, Instant startedAt, Instant now, Optional<Duration> retryAfter) {
        if (attempt >= maxAttempts) {
            return Optional.empty();
        }
        long exponential = base.toMillis() << Math.min(attempt - 1, 20);
        long ceiling = Math.min(exponential, cap.toMillis());
        long jittered = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        Duration delay = Duration.ofMillis(
                Math.max(jittered, retryAfter.map(Duration::toMillis).orElse(0L)));
        if (now.plus(delay).isAfter(startedAt.plus(budget))) {
            return Optional.empty();
        }
        return Optional.of(delay);
    }
}
