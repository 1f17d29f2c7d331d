package dev.smstrack.privacy;

import dev.smstrack.platform.PhoneNumbers;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Phone numbers found in a text as numbers, and replaced there. */
public final class NumbersInText {

    /**
     * A phone number in a text: 8 to 15 digits, not starting with 0, with its plus if it has one,
     * and no letter or digit touching it, so that a number is never found inside another number, an
     * id or a key.
     */
    public static final Pattern NUMBER = Pattern.compile("(?<![\\p{Alnum}+])\\+?[1-9]\\d{7,14}(?![\\p{Alnum}])");

    private NumbersInText() {}

    /** The text with this number, wherever it stands as a number, replaced by the pseudonym. */
    public static String masked(String text, String e164, String pseudonym) {
        return text == null ? null : replaced(text, e164::equals, unused -> pseudonym);
    }

    /** The text with each number (in E.164) that {@code isErased} holds replaced by its pseudonym. */
    static String replaced(String text, Predicate<String> isErased, Function<String, String> pseudonymOf) {
        return NUMBER.matcher(text).replaceAll(found -> {
            String e164 = PhoneNumbers.e164(found.group());
            return Matcher.quoteReplacement(isErased.test(e164) ? pseudonymOf.apply(e164) : found.group());
        });
    }
}
