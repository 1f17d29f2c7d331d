package dev.smstrack.statistics;

import dev.smstrack.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Statistics of the messages sent in a period: the settled whole hours from their roll-up, the
 * rest (the recent hours, and the parts of hours at either end) from the messages themselves, in
 * one range scan of the covering index message_statistics each.
 */
@Stateless
@RolesAllowed(Roles.READER)
public class DeliveryStatistics {

    @Inject
    DeliveryHours hours;

    public Statistics of(Instant from, Instant to, Grouping grouping) {
        return of(from, to, grouping, hours.progress(DeliveryHours.HOURS_BEFORE));
    }

    /** The same, with every whole hour before {@code rolledUpBefore} read from the roll-up. */
    public Statistics of(Instant from, Instant to, Grouping grouping, long rolledUpBefore) {
        long start = from.toEpochMilli();
        long end = to.toEpochMilli();
        long firstWholeHour = -Math.floorDiv(-start, DeliveryHours.HOUR) * DeliveryHours.HOUR;
        long rolledEnd = Math.min(Math.floorDiv(end, DeliveryHours.HOUR) * DeliveryHours.HOUR, rolledUpBefore);
        Tally tally = new Tally(grouping);
        if (firstWholeHour < rolledEnd) {
            countMessages(tally, grouping, start, firstWholeHour);
            countRolledUp(tally, grouping, firstWholeHour, rolledEnd);
            countMessages(tally, grouping, rolledEnd, end);
        } else {
            countMessages(tally, grouping, start, end);
        }
        return tally.statistics(from, to);
    }

    private void countMessages(Tally tally, Grouping grouping, long start, long end) {
        if (start >= end) {
            return;
        }
        boolean keyed = grouping.column().isPresent();
        for (Object[] row : hours.countsOfMessages(start, end, grouping.column())) {
            tally.add(
                    keyed ? row[3] : null,
                    (String) row[0],
                    DeliveryHours.integer(row[1]),
                    DeliveryHours.integer(row[2]),
                    ((Number) row[keyed ? 4 : 3]).longValue());
        }
    }

    private void countRolledUp(Tally tally, Grouping grouping, long start, long end) {
        for (Object[] row : hours.rolledUp(start, end)) {
            Object key = grouping.columnValueOf(((Number) row[0]).longValue(), (String) row[3]);
            String status = (String) row[1];
            Integer code = DeliveryHours.integer(row[2]);
            long[] timed = {0};
            TimeToDeliver.decode((String) row[5], (bucket, count) -> {
                tally.add(key, status, code, bucket, count);
                timed[0] += count;
            });
            long untimed = ((Number) row[4]).longValue() - timed[0];
            if (untimed > 0) {
                tally.add(key, status, code, null, untimed);
            }
        }
    }
}
