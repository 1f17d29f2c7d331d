package dev.smstrack.platform;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Time-ordered UUIDs (version 7, RFC 9562): unique across nodes without asking the database, and
 * ordered by creation so that primary-key inserts append to the index instead of scattering.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    public static String newId() {
        return newIdAt(System.currentTimeMillis());
    }

    /** An id as {@link #newId} makes it at this time (epoch milliseconds). */
    public static String newIdAt(long millis) {
        long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long low = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }

    /** Below every id made at this time or later: ids compare as text in the order they were made. */
    public static String firstAt(Instant at) {
        return new UUID((at.toEpochMilli() << 16) | 0x7000L, 0x8000_0000_0000_0000L).toString();
    }
}
