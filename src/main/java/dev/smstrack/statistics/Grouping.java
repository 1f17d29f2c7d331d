package dev.smstrack.statistics;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What statistics are grouped by: each names the column it reads and how its value reads as a key. */
enum Grouping {
    STATUS(Duration.ofDays(3660), null),
    OPERATOR(Duration.ofDays(3660), null),
    HOUR(Duration.ofDays(31), Duration.ofHours(1)),
    DAY(Duration.ofDays(366), Duration.ofDays(1));

    private final Duration longestRange;
    /** The length of a period, when grouped by one. */
    private final Duration period;

    Grouping(Duration longestRange, Duration period) {
        this.longestRange = longestRange;
        this.period = period;
    }

    static Optional<Grouping> named(String name) {
        return Arrays.stream(values())
                .filter(grouping -> grouping.parameter().equalsIgnoreCase(name.strip()))
                .findFirst();
    }

    /** As the query parameter names it. */
    String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The SQL expression of the key (the number of the period); empty when grouped by status, which every row has. */
    Optional<String> column() {
        return switch (this) {
            case STATUS -> Optional.empty();
            case OPERATOR -> Optional.of("operator");
            case HOUR, DAY -> Optional.of("FLOOR(created_at_ms / " + period.toMillis() + ")");
        };
    }

    /** Groups by the hour are kept to a month, by the day to a year: a chart, not a dump. */
    Duration longestRange() {
        return longestRange;
    }

    /** The key of a row: its status, its operator, or its period's start. */
    String keyOf(Object columnValue, String status) {
        return switch (this) {
            case STATUS -> status;
            case OPERATOR -> (String) columnValue;
            case HOUR, DAY -> Instant.ofEpochMilli(((Number) columnValue).longValue() * period.toMillis())
                    .toString();
        };
    }

    /** What {@link #column} would read for a message of this hour (epoch ms) and operator. */
    Object columnValueOf(long hour, String operator) {
        return switch (this) {
            case STATUS -> null;
            case OPERATOR -> operator;
            case HOUR, DAY -> hour / period.toMillis();
        };
    }
}
