package dev.smstrack.statistics;

import dev.smstrack.messages.StatusLifecycle;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Adds up the database's counts (by key, status, code and bucket of time to deliver) into statistics. */
final class Tally {

    private static final int FAILURE_CODES_SHOWN = 10;

    private final Grouping grouping;
    private final Counts overall = new Counts();
    private final Map<String, Counts> groups = new HashMap<>();
    private final Map<Failure, Long> failures = new HashMap<>();

    private record Failure(String status, Integer code) {}

    /** What is counted for all the messages, and for each group. */
    private static final class Counts {
        long messages;
        long finished;
        long delivered;
        final Map<String, Long> statuses = new HashMap<>();
        final TimeToDeliver timeToDeliver = TimeToDeliver.none();

        void add(String status, Integer bucket, long count) {
            messages += count;
            statuses.merge(status, count, Long::sum);
            if (StatusLifecycle.isFinal(status)) {
                finished += count;
            }
            if (StatusLifecycle.isDelivered(status)) {
                delivered += count;
                if (bucket != null) {
                    timeToDeliver.add(bucket, count);
                }
            }
        }

        Double deliveryRate() {
            return finished == 0 ? null : (double) delivered / finished;
        }

        Map<String, Long> statusesByCount() {
            Map<String, Long> ordered = new LinkedHashMap<>();
            statuses.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue()
                            .reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(entry -> ordered.put(entry.getKey(), entry.getValue()));
            return ordered;
        }
    }

    Tally(Grouping grouping) {
        this.grouping = grouping;
    }

    /** One row of counts: messages with this key, status, code and bucket of time to deliver (null if none). */
    void add(Object keyValue, String storedStatus, Integer code, Integer bucket, long count) {
        String status = storedStatus.toLowerCase(Locale.ROOT);
        overall.add(status, bucket, count);
        groups.computeIfAbsent(grouping.keyOf(keyValue, status), key -> new Counts())
                .add(status, bucket, count);
        if (StatusLifecycle.isFinal(status) && !StatusLifecycle.isDelivered(status)) {
            failures.merge(new Failure(status, code), count, Long::sum);
        }
    }

    Statistics statistics(Instant from, Instant to) {
        return new Statistics(
                from,
                to,
                grouping.parameter(),
                overall.messages,
                overall.statusesByCount(),
                overall.deliveryRate(),
                overall.timeToDeliver.percentiles(),
                failureCodes(),
                groups());
    }

    private List<Statistics.FailureCode> failureCodes() {
        long failed = failures.values().stream().mapToLong(Long::longValue).sum();
        return failures.entrySet().stream()
                .sorted(Map.Entry.<Failure, Long>comparingByValue()
                        .reversed()
                        .thenComparing(entry -> entry.getKey().status())
                        .thenComparing(entry -> entry.getKey().code(), Comparator.nullsLast(Comparator.naturalOrder())))
                .limit(FAILURE_CODES_SHOWN)
                .map(entry -> new Statistics.FailureCode(
                        entry.getKey().status(),
                        entry.getKey().code(),
                        entry.getValue(),
                        (double) entry.getValue() / failed))
                .toList();
    }

    /** Periods in time order; statuses and operators the most frequent first. */
    private List<Statistics.Group> groups() {
        Comparator<Map.Entry<String, Counts>> order = grouping == Grouping.HOUR || grouping == Grouping.DAY
                ? Map.Entry.comparingByKey()
                : Comparator.<Map.Entry<String, Counts>>comparingLong(entry -> -entry.getValue().messages)
                        .thenComparing(Map.Entry::getKey, Comparator.nullsLast(Comparator.naturalOrder()));
        return groups.entrySet().stream()
                .sorted(order)
                .map(entry -> {
                    Counts counts = entry.getValue();
                    return new Statistics.Group(
                            entry.getKey(),
                            counts.messages,
                            (double) counts.messages / overall.messages,
                            counts.statusesByCount(),
                            counts.deliveryRate(),
                            counts.timeToDeliver.percentiles());
                })
                .toList();
    }
}
