package dev.smstrack.platform;

import java.util.regex.Pattern;

/**
 * Phone numbers in E.164 ("+46701234567"). Sinch writes them with or without the plus; both sides
 * of every match are normalised here. Anything that is not a number (an alphanumeric sender, a
 * channel identity) is kept as it is.
 */
public final class PhoneNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s().-]");
    private static final Pattern DIGITS = Pattern.compile("\\+?\\d{1,15}");

    private PhoneNumbers() {}

    public static String e164(String number) {
        if (number == null) {
            return null;
        }
        String compact = SEPARATORS.matcher(number.strip()).replaceAll("");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        if (!DIGITS.matcher(compact).matches()) {
            return number.strip();
        }
        return compact.startsWith("+") ? compact : "+" + compact;
    }

    /** True for a number that E.164 can express: a plus, then 1 to 15 digits, not starting with 0. */
    public static boolean isE164(String number) {
        return number != null && number.matches("\\+[1-9]\\d{0,14}");
    }
}
