package dev.smstrack.statistics;

/**
 * Times to deliver, counted in buckets each about 5% wider than the one before (the database
 * computes a message's bucket, so that a million messages come back as a few hundred counts).
 * A percentile is the upper bound of the bucket it falls in: never below the true value, and at
 * most 5% above it.
 */
final class TimeToDeliver {

    /** Buckets per factor e: bucket b holds the times t with floor(ln(t + 1) * 20) = b. */
    static final int BUCKETS_PER_E = 20;

    /** The bucket of a time, as SQL over the column that holds it. */
    static final String BUCKET_SQL = "FLOOR(LN(delivered_after_ms + 1) * " + BUCKETS_PER_E + ")";

    private static final int MAX_BUCKET = 1000;

    private final long[] counts = new long[MAX_BUCKET + 1];
    private long delivered;

    private TimeToDeliver() {}

    static TimeToDeliver none() {
        return new TimeToDeliver();
    }

    /** The bucket a time in milliseconds falls in, as {@link #BUCKET_SQL} computes it. */
    static int bucketOf(long millis) {
        return (int) Math.floor(Math.log(millis + 1.0) * BUCKETS_PER_E);
    }

    /** The longest time a bucket holds, in whole milliseconds. */
    static long upperBoundOf(int bucket) {
        return (long) Math.ceil(Math.exp((bucket + 1.0) / BUCKETS_PER_E) - 1);
    }

    void add(int bucket, long messages) {
        counts[Math.max(0, Math.min(bucket, MAX_BUCKET))] += messages;
        delivered += messages;
    }

    /** The time within which this share (0 to 1) of the delivered messages was delivered; null if none was. */
    Long percentile(double share) {
        if (delivered == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(share * delivered));
        long seen = 0;
        for (int bucket = 0; bucket <= MAX_BUCKET; bucket++) {
            seen += counts[bucket];
            if (seen >= rank) {
                return upperBoundOf(bucket);
            }
        }
        throw new IllegalStateException("the counts add up to " + seen + ", not " + delivered);
    }

    /** The counts as a delivery_hour row keeps them: "bucket:count" of each bucket used, space-separated. */
    String encoded() {
        StringBuilder text = new StringBuilder();
        for (int bucket = 0; bucket <= MAX_BUCKET; bucket++) {
            if (counts[bucket] > 0) {
                text.append(text.isEmpty() ? "" : " ")
                        .append(bucket)
                        .append(':')
                        .append(counts[bucket]);
            }
        }
        return text.toString();
    }

    /** Adds the counts {@link #encoded} wrote to what {@code each} (bucket, count) is given. */
    static void decode(String encoded, BucketCounts each) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split(" ")) {
            int colon = pair.indexOf(':');
            each.add(Integer.parseInt(pair.substring(0, colon)), Long.parseLong(pair.substring(colon + 1)));
        }
    }

    /** Receives the buckets of an encoded histogram. */
    interface BucketCounts {
        void add(int bucket, long count);
    }

    long delivered() {
        return delivered;
    }

    Statistics.Percentiles percentiles() {
        return new Statistics.Percentiles(delivered, percentile(0.50), percentile(0.90), percentile(0.99));
    }
}
