package dev.smstrack.callbacks;

import dev.smstrack.platform.Texts;

/**
 * The longest values the product stores for each field. A callback exceeding one is refused at the
 * door (400, kept raw) rather than failing in the consumer again and again.
 */
final class FieldLimits {

    static final int ID = 64;
    static final int RECIPIENT = 64;
    static final int STATUS = 32;
    static final int REFERENCE = 128;
    static final int ADDRESS = 128;
    static final int REASON = 255;

    private FieldLimits() {}

    static String atMost(int limit, String field, String value) {
        if (value != null && value.length() > limit) {
            throw new MalformedCallbackException("field " + field + " is longer than " + limit + " characters");
        }
        return value;
    }

    /** For free text that only informs: cut rather than refuse. */
    static String cut(int limit, String value) {
        return Texts.cut(value, limit);
    }
}
