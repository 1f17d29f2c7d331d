package dev.smstrack.sending;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Sinch's Retry-After header (RFC 9110): delay-seconds or an HTTP-date, never negative and never
 * beyond a cap, so that a huge or past value neither overflows nor stalls a submission.
 */
final class RetryAfter {

    /** Longer than any retry a submission's budget allows; the policy then gives up instead. */
    static final Duration CAP = Duration.ofMinutes(10);

    private RetryAfter() {}

    static Optional<Duration> parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        if (text.chars().allMatch(Character::isDigit)) {
            // More digits than a long holds is still "later than the cap".
            return Optional.of(text.length() > 12 ? CAP : capped(Duration.ofSeconds(Long.parseLong(text))));
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            Duration until = Duration.between(clock.instant(), at);
            return Optional.of(until.isNegative() ? Duration.ZERO : capped(until));
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    private static Duration capped(Duration delay) {
        return delay.compareTo(CAP) > 0 ? CAP : delay;
    }
}
