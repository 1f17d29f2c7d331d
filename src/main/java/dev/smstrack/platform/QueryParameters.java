package dev.smstrack.platform;

/** Optional query parameters of the read API: absent and blank both mean "any". */
public final class QueryParameters {

    private QueryParameters() {}

    /** The value, or null when it is absent or blank. */
    public static String optional(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The number in E.164, or null when it is absent or blank. */
    public static String optionalNumber(String value) {
        return PhoneNumbers.e164(optional(value));
    }
}
