package dev.smstrack.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeToDeliverTest {

    @ParameterizedTest(name = "{0} ms")
    @ValueSource(longs = {0, 1, 2, 9, 10, 99, 100, 999, 1000, 1234, 59_999, 60_000, 3_600_000, 86_400_000, 604_800_000})
    void aBucketsUpperBoundIsNeverBelowATimeItHoldsAndAtMostFivePercentAbove(long millis) {
        long bound = TimeToDeliver.upperBoundOf(TimeToDeliver.bucketOf(millis));
        assertTrue(bound >= millis, bound + " < " + millis);
        assertTrue(
                bound <= Math.ceil((millis + 1) * Math.exp(1.0 / TimeToDeliver.BUCKETS_PER_E)),
                bound + " too far above " + millis);
    }

    @Test
    void percentilesOfOneToAHundredSeconds() {
        var times = TimeToDeliver.none();
        for (long second = 1; second <= 100; second++) {
            times.add(TimeToDeliver.bucketOf(second * 1000), 1);
        }
        var percentiles = times.percentiles();
        assertEquals(100, percentiles.delivered());
        assertBetween(50_000, percentiles.p50Ms());
        assertBetween(90_000, percentiles.p90Ms());
        assertBetween(99_000, percentiles.p99Ms());
    }

    @Test
    void onePercentOfSlowMessagesIsWhatTheNinetyNinthPercentileShows() {
        var times = TimeToDeliver.none();
        times.add(TimeToDeliver.bucketOf(2_000), 989);
        times.add(TimeToDeliver.bucketOf(600_000), 11);
        assertBetween(2_000, times.percentile(0.90));
        assertBetween(600_000, times.percentile(0.99));
    }

    @Test
    void noDeliveredMessageHasNoPercentiles() {
        var percentiles = TimeToDeliver.none().percentiles();
        assertEquals(0, percentiles.delivered());
        assertNull(percentiles.p50Ms());
        assertNull(percentiles.p99Ms());
    }

    @Test
    void theCountsReadBackAsTheyWereWritten() {
        var times = TimeToDeliver.none();
        times.add(3, 2);
        times.add(140, 7);
        times.add(3, 1);
        assertEquals("3:3 140:7", times.encoded());
        var read = TimeToDeliver.none();
        TimeToDeliver.decode(times.encoded(), read::add);
        assertEquals(times.percentiles(), read.percentiles());
        assertEquals(10, read.delivered());
        TimeToDeliver.decode(null, read::add);
        TimeToDeliver.decode("", read::add);
        assertEquals(10, read.delivered());
    }

    private static void assertBetween(long expected, Long actual) {
        assertTrue(actual >= expected && actual <= expected * 1.052, actual + " is not within 5% above " + expected);
    }
}
