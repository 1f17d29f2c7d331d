package dev.smstrack.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TallyTest {

    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-02T00:00:00Z");
    private static final int ONE_SECOND = TimeToDeliver.bucketOf(1000);

    @Test
    void countsStatusesWhicheverApiSpelledThemAndRatesDeliveryAmongTheFinishedOnly() {
        var tally = new Tally(Grouping.STATUS);
        tally.add(null, "Delivered", 0, ONE_SECOND, 6);
        tally.add(null, "DELIVERED", null, ONE_SECOND, 2);
        tally.add(null, "Failed", 402, null, 2);
        tally.add(null, "Dispatched", 0, null, 10);
        var statistics = tally.statistics(FROM, TO);

        assertEquals(20, statistics.messages());
        assertEquals(Map.of("delivered", 8L, "dispatched", 10L, "failed", 2L), statistics.statuses());
        assertEquals(0.8, statistics.deliveryRate(), 1e-9);
        assertEquals(8, statistics.timeToDeliver().delivered());
        assertEquals(List.of("dispatched", "delivered", "failed"), keys(statistics));
        assertEquals(0.4, statistics.groups().get(1).share(), 1e-9);
        assertNull(statistics.groups().get(0).deliveryRate(), "nothing dispatched has finished");
    }

    @Test
    void ranksTheFailureCodesByHowOftenTheyCame() {
        var tally = new Tally(Grouping.STATUS);
        tally.add(null, "Failed", 402, null, 1);
        tally.add(null, "Expired", 403, null, 3);
        tally.add(null, "Failed", 401, null, 4);
        tally.add(null, "TIMED_OUT", null, null, 2);
        tally.add(null, "Delivered", 0, ONE_SECOND, 90);
        var codes = tally.statistics(FROM, TO).failureCodes();

        assertEquals(
                List.of(
                        new Statistics.FailureCode("failed", 401, 4, 0.4),
                        new Statistics.FailureCode("expired", 403, 3, 0.3),
                        new Statistics.FailureCode("timed_out", null, 2, 0.2),
                        new Statistics.FailureCode("failed", 402, 1, 0.1)),
                codes);
    }

    @Test
    void groupsByOperatorTheMostFrequentFirstAndTheUnreportedAsNull() {
        var tally = new Tally(Grouping.OPERATOR);
        tally.add("Telia", "Delivered", 0, ONE_SECOND, 3);
        tally.add(null, "Dispatched", 0, null, 1);
        tally.add("Tele2", "Delivered", 0, TimeToDeliver.bucketOf(60_000), 5);
        tally.add("Tele2", "Failed", 402, null, 5);
        var groups = tally.statistics(FROM, TO).groups();

        assertEquals("Tele2", groups.get(0).key());
        assertEquals(0.5, groups.get(0).deliveryRate(), 1e-9);
        assertEquals(
                TimeToDeliver.upperBoundOf(TimeToDeliver.bucketOf(60_000)),
                groups.get(0).timeToDeliver().p50Ms());
        assertEquals("Telia", groups.get(1).key());
        assertEquals(
                TimeToDeliver.upperBoundOf(ONE_SECOND),
                groups.get(1).timeToDeliver().p99Ms());
        assertNull(groups.get(2).key());
    }

    @Test
    void groupsByHourInTimeOrder() {
        var tally = new Tally(Grouping.HOUR);
        long hour = FROM.toEpochMilli() / 3_600_000;
        tally.add(hour + 2, "Delivered", 0, ONE_SECOND, 9);
        tally.add((double) hour, "Delivered", 0, ONE_SECOND, 1);
        var statistics = tally.statistics(FROM, TO);

        assertEquals(List.of("2026-12-01T00:00:00Z", "2026-12-01T02:00:00Z"), keys(statistics));
        assertEquals("hour", statistics.groupBy());
    }

    private static List<String> keys(Statistics statistics) {
        return statistics.groups().stream().map(Statistics.Group::key).toList();
    }
}
