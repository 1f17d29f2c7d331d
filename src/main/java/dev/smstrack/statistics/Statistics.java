package dev.smstrack.statistics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Delivery statistics of the messages sent from {@code from} (inclusive) to {@code to}
 * (exclusive), grouped as asked. Statuses are in lower case, whichever API spelled them.
 */
public record Statistics(
        Instant from,
        Instant to,
        String groupBy,
        long messages,
        Map<String, Long> statuses,
        Double deliveryRate,
        Percentiles timeToDeliver,
        List<FailureCode> failureCodes,
        List<Group> groups) {

    /**
     * One status, operator (null: none reported), hour or day (its start). The delivery rate is
     * the share of delivered among the messages with a final status; null while none has one.
     */
    public record Group(
            String key,
            long messages,
            double share,
            Map<String, Long> statuses,
            Double deliveryRate,
            Percentiles timeToDeliver) {}

    /** From sent to the handset, over the delivered messages; null when none was delivered. */
    public record Percentiles(long delivered, Long p50Ms, Long p90Ms, Long p99Ms) {}

    /** A final status other than delivered, and its code: how often, and its share of those. */
    public record FailureCode(String status, Integer code, long messages, double share) {}
}
