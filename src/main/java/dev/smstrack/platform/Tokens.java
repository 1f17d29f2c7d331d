package dev.smstrack.platform;

/**
 * Short tokens that callers send (a nonce, a request id), checked character by character: on every
 * callback, where a character-class regex cost a tenth of the endpoint's time.
 */
public final class Tokens {

    private Tokens() {}

    /** 1 to {@code longest} characters, each an ASCII letter, a digit or one of {@code others}. */
    public static boolean isPlain(String text, int longest, String others) {
        if (text.isEmpty() || text.length() > longest) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isLetterOrDigit(c) && others.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** 1 to {@code longest} ASCII digits. */
    public static boolean isDigits(String text, int longest) {
        return isPlain(text, longest, "") && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
