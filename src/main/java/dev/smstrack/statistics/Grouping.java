package dev.smstrack.statistics;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** What statistics are grouped by: each names the column it reads and how its value reads as a key. */
enum Grouping {
    STATUS(null, Duration.ofDays(3660), value -> null),
    OPERATOR("operator", Duration.ofDays(3660), value -> (String) value),
    HOUR("FLOOR(created_at_ms / 3600000)", Duration.ofDays(31), value -> startOf(value, 3_600_000)),
    DAY("FLOOR(created_at_ms / 86400000)", Duration.ofDays(366), value -> startOf(value, 86_400_000));

    private final String column;
    private final Duration longestRange;
    private final Function<Object, String> key;

    Grouping(String column, Duration longestRange, Function<Object, String> key) {
        this.column = column;
        this.longestRange = longestRange;
        this.key = key;
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

    /** The SQL expression of the key; empty when grouped by status, which every row has. */
    Optional<String> column() {
        return Optional.ofNullable(column);
    }

    /** Groups by the hour are kept to a month, by the day to a year: a chart, not a dump. */
    Duration longestRange() {
        return longestRange;
    }

    /** The key of a row: its column's value, or its status when grouped by status. */
    String keyOf(Object columnValue, String status) {
        return this == STATUS ? status : key.apply(columnValue);
    }

    /** What {@link #column} would read for a message of this hour (epoch ms) and operator. */
    Object columnValueOf(long hour, String operator) {
        return switch (this) {
            case STATUS -> null;
            case OPERATOR -> operator;
            case HOUR -> hour / 3_600_000;
            case DAY -> hour / 86_400_000;
        };
    }

    private static String startOf(Object periods, long periodMillis) {
        return Instant.ofEpochMilli(((Number) periods).longValue() * periodMillis)
                .toString();
    }
}
