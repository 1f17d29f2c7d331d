package dev.smstrack.callbacks.payload;

import dev.smstrack.platform.Texts;
import java.time.Instant;

/**
 * What the product can store of each field: the longest text of each column, and instants that
 * epoch milliseconds and every database's date functions hold. A callback exceeding one is refused
 * at the door (400, kept raw) rather than failing in the consumer again and again.
 */
final class FieldLimits {

    static final int ID = 64;
    static final int RECIPIENT = 64;
    static final int STATUS = 32;
    static final int REFERENCE = 128;
    static final int ADDRESS = 128;
    static final int REASON = 255;
    static final int CHANNEL = 32;
    /** An operator's name is informative: a longer one is cut, not refused. */
    static final int OPERATOR = 64;
    /** What Sinch says it applied only informs too. */
    static final int ORIGINATOR = 64;

    static final int ENCODING = 16;
    /** How much of a wrong value a problem quotes. */
    static final int QUOTED = 40;

    /** Instants from 1970 to the end of year 9999: four-digit years, as Sinch writes them. */
    static final Instant EARLIEST = Instant.EPOCH;

    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private FieldLimits() {}

    static String atMost(int limit, String field, String value) {
        if (value != null && value.length() > limit) {
            throw new MalformedCallbackException("field " + field + " is longer than " + limit + " characters");
        }
        return value;
    }

    static Instant inRange(String field, Instant at) {
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            throw new MalformedCallbackException("field " + field + " is outside the years 1970 to 9999");
        }
        return at;
    }

    /** For free text that only informs: cut rather than refuse. */
    static String cut(int limit, String value) {
        return Texts.cut(value, limit);
    }
}
