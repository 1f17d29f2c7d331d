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
    /**
     * A run of digits long enough to be a phone number (8 or more: E.164 numbers of small countries
     * have 8 or 9 digits), with its optional plus, and no digit touching it.
     */
    private static final Pattern NUMBER_IN_TEXT = Pattern.compile("(?<!\\d)\\+?\\d{8,}(?!\\d)");

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

    /**
     * The text with every run of 8 digits or more masked but its first few (five from ten digits on,
     * fewer below, so that at least three are hidden) and last two ({@code +46701****67}): for log
     * lines that quote what others wrote (Sinch's answers, a database's error), which may hold a
     * phone number.
     */
    public static String maskedIn(String text) {
        return text == null
                ? null
                : NUMBER_IN_TEXT.matcher(text).replaceAll(found -> {
                    String number = found.group();
                    int digits = number.startsWith("+") ? number.length() - 1 : number.length();
                    int kept = (number.startsWith("+") ? 1 : 0) + Math.min(5, digits - 5);
                    return number.substring(0, kept) + "****" + number.substring(number.length() - 2);
                });
    }

    /** True for a number that E.164 can express: a plus, then 1 to 15 digits, not starting with 0. */
    public static boolean isE164(String number) {
        return number != null && number.matches("\\+[1-9]\\d{0,14}");
    }
}
