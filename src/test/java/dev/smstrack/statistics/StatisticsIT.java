package dev.smstrack.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smstrack.testing.Deployments;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The statistics query on the database the tests run on (H2, MariaDB): messages seeded on a day
 * of the past nothing else uses, with known statuses, operators and times to deliver.
 */
@ExtendWith(ArquillianExtension.class)
class StatisticsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.productWarWith(StatisticsIT.class, StatisticsSeeds.class);
    }

    /** Nothing from the roll-up: every figure counted from the messages themselves. */
    private static final long LIVE = 0;

    /**
     * The days of this run: ten apart from a random one of 2001–2010, so that no test meets
     * another's messages, nor (almost surely) those of an earlier run on the same database.
     */
    private static final Instant FIRST_DAY = Instant.parse("2001-01-01T00:00:00Z")
            .plus(ThreadLocalRandom.current().nextInt(3650), ChronoUnit.DAYS);

    private static final AtomicInteger DAYS_TAKEN = new AtomicInteger();

    @Inject
    StatisticsSeeds seeds;

    @Inject
    DeliveryHours hours;

    @Inject
    DeliveryHoursRollup rollup;

    private Instant day;

    @BeforeEach
    void seedADay() {
        day = FIRST_DAY.plus(10L * DAYS_TAKEN.getAndIncrement(), ChronoUnit.DAYS);
        Instant nine = day.plus(Duration.ofHours(9));
        // Telia: 99 delivered in 1 to 99 s, and one after 10 minutes; 2 failed with 402.
        for (int i = 1; i <= 99; i++) {
            seeds.message(nine.plusSeconds(i), "Delivered", 0, "Telia", i * 1000L);
        }
        seeds.message(nine, "DELIVERED", null, "Telia", 600_000L);
        seeds.message(nine, "Failed", 402, "Telia", null);
        seeds.message(nine, "Failed", 402, "Telia", null);
        // Tele2, an hour later: one expired, one still dispatched; one message with no operator.
        Instant ten = nine.plus(Duration.ofHours(1));
        seeds.message(ten, "Expired", 403, "Tele2", null);
        seeds.message(ten, "Dispatched", 0, "Tele2", null);
        seeds.message(ten, "TIMED_OUT", null, null, null);
        // Just outside the day, at both ends: never counted.
        seeds.message(day.minusMillis(1), "Delivered", 0, "Telia", 1L);
        seeds.message(day.plus(Duration.ofDays(1)), "Delivered", 0, "Telia", 1L);
    }

    @Test
    void countsByStatusWithTheDeliveryRateAndTheTimeToDeliver() {
        var stats = seeds.read(day, day.plus(Duration.ofDays(1)), "status", LIVE);

        assertEquals(105, stats.messages());
        assertEquals(
                Map.of("delivered", 100L, "failed", 2L, "expired", 1L, "dispatched", 1L, "timed_out", 1L),
                stats.statuses());
        assertEquals(100.0 / 104, stats.deliveryRate(), 1e-9, "among the 104 that finished");
        assertEquals(100, stats.timeToDeliver().delivered());
        assertWithinFivePercentAbove(50_000, stats.timeToDeliver().p50Ms());
        assertWithinFivePercentAbove(90_000, stats.timeToDeliver().p90Ms());
        assertWithinFivePercentAbove(99_000, stats.timeToDeliver().p99Ms());
        assertEquals("delivered", stats.groups().get(0).key());
        assertEquals(100.0 / 105, stats.groups().get(0).share(), 1e-9);
        assertEquals(
                List.of(
                        new Statistics.FailureCode("failed", 402, 2, 0.5),
                        new Statistics.FailureCode("expired", 403, 1, 0.25),
                        new Statistics.FailureCode("timed_out", null, 1, 0.25)),
                stats.failureCodes());
    }

    @Test
    void comparesOperators() {
        var groups =
                seeds.read(day, day.plus(Duration.ofDays(1)), "operator", LIVE).groups();

        assertEquals(
                List.of("Telia", "Tele2"),
                List.of(groups.get(0).key(), groups.get(1).key()));
        assertNull(groups.get(2).key(), "no operator reported");
        var telia = groups.get(0);
        assertEquals(102, telia.messages());
        assertEquals(100.0 / 102, telia.deliveryRate(), 1e-9);
        assertWithinFivePercentAbove(99_000, telia.timeToDeliver().p99Ms());
        var tele2 = groups.get(1);
        assertEquals(0.0, tele2.deliveryRate().doubleValue(), 1e-9, "its one finished message expired");
        assertNull(tele2.timeToDeliver().p50Ms());
    }

    @Test
    void countsByHourAndByDay() {
        var hours = seeds.read(day, day.plus(Duration.ofDays(1)), "hour", LIVE).groups();
        assertEquals(2, hours.size());
        assertEquals(day.plus(Duration.ofHours(9)).toString(), hours.get(0).key());
        assertEquals(102, hours.get(0).messages());
        assertEquals(day.plus(Duration.ofHours(10)).toString(), hours.get(1).key());
        assertEquals(
                Map.of("expired", 1L, "dispatched", 1L, "timed_out", 1L),
                hours.get(1).statuses());

        var days = seeds.read(day.minus(Duration.ofDays(1)), day.plus(Duration.ofDays(2)), "day", LIVE)
                .groups();
        assertEquals(
                List.of(day.minus(Duration.ofDays(1)), day, day.plus(Duration.ofDays(1))).stream()
                        .map(Instant::toString)
                        .toList(),
                days.stream().map(Statistics.Group::key).toList());
        assertEquals(
                List.of(1L, 105L, 1L),
                days.stream().map(Statistics.Group::messages).toList());
    }

    @ParameterizedTest(name = "by {0}")
    @ValueSource(strings = {"status", "operator", "hour", "day"})
    void theRolledUpHoursGiveWhatTheMessagesGive(String groupBy) {
        Instant from = day.minus(Duration.ofDays(1));
        Instant to = day.plus(Duration.ofDays(2));
        for (Instant hour = from; hour.isBefore(to); hour = hour.plus(Duration.ofHours(1))) {
            hours.rollUp(hour.toEpochMilli());
        }
        assertEquals(seeds.read(from, to, groupBy, LIVE), seeds.read(from, to, groupBy, Long.MAX_VALUE));
        // A period that starts and ends within hours: their parts are counted from the messages.
        Instant nineThirty = day.plus(Duration.ofMinutes(9 * 60 + 30));
        Instant tenThirty = nineThirty.plus(Duration.ofHours(1));
        assertEquals(seeds.read(nineThirty, to, groupBy, LIVE), seeds.read(nineThirty, to, groupBy, Long.MAX_VALUE));
        assertEquals(seeds.read(from, tenThirty, groupBy, LIVE), seeds.read(from, tenThirty, groupBy, Long.MAX_VALUE));
    }

    @Test
    void theRollUpTakesTheSettledHoursAndAgainAnHourALateReportChanged() {
        Instant hour = day.plus(Duration.ofHours(15));
        String message = seeds.message(hour.plusSeconds(42), "Dispatched", 0, "Telia", null);
        // As if the roll-up had come as far as this hour (messages are never sent in the past).
        hours.advance(DeliveryHours.HOURS_BEFORE, hour.toEpochMilli());
        rollup.run(Instant.now());
        assertTrue(hours.progress(DeliveryHours.HOURS_BEFORE) > hour.toEpochMilli(), "the past is rolled up");
        assertEquals(
                Map.of("dispatched", 1L),
                seeds.read(hour, hour.plus(Duration.ofHours(1)), "status").statuses());

        seeds.lateReport(message, "Failed", 402);
        rollup.run(Instant.now());

        var after = seeds.read(hour, hour.plus(Duration.ofHours(1)), "status");
        assertEquals(Map.of("failed", 1L), after.statuses());
        assertEquals(List.of(new Statistics.FailureCode("failed", 402, 1, 1.0)), after.failureCodes());
    }

    private static void assertWithinFivePercentAbove(long expected, Long actual) {
        assertTrue(actual >= expected && actual <= expected * 1.052, actual + " is not within 5% above " + expected);
    }
}
