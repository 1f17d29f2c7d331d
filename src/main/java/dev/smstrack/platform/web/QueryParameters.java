package dev.smstrack.platform.web;

import dev.smstrack.platform.PhoneNumbers;
import jakarta.ws.rs.BadRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Optional query parameters of the read API: absent and blank both mean "any" (or the default). */
public final class QueryParameters {

    private QueryParameters() {}

    /** The value, or null when it is absent or blank. */
    public static String optional(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A whole number within bounds, or the default when absent; anything else is a 400 naming it. */
    public static int number(String name, String value, int defaultValue, int min, int max) {
        if (optional(value) == null) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // answered below, as for a number out of bounds
        }
        throw new BadRequestException("query parameter " + name + " must be a whole number from " + min + " to " + max);
    }

    /** An ISO-8601 instant with an offset, or a date (its start in UTC); null when absent or blank. */
    public static Instant optionalInstant(String name, String value) {
        String text = optional(value);
        if (text == null) {
            return null;
        }
        try {
            return text.strip().length() == 10
                    ? LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException unreadable) {
            throw new BadRequestException("query parameter " + name
                    + " must be a date (2026-12-01) or an instant with an offset (2026-12-01T09:30:00Z)");
        }
    }

    /** true or false (any case), or null when absent or blank; anything else is a 400 naming it. */
    public static Boolean optionalBoolean(String name, String value) {
        String text = optional(value);
        if (text == null) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadRequestException("query parameter " + name + " must be true or false");
        };
    }

    /** The number in E.164, or null when it is absent or blank. */
    public static String optionalNumber(String value) {
        return PhoneNumbers.e164(optional(value));
    }
}
