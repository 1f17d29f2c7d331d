package dev.smstrack.platform;

/** Free text fitted to the column or view that holds it. */
public final class Texts {

    private Texts() {}

    /** The text, cut to at most {@code limit} characters; null stays null. */
    public static String cut(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit);
    }
}
