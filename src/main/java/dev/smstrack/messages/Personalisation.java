package dev.smstrack.messages;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sinch's batch parameters: each {@code ${name}} in the body becomes the recipient's value for that
 * name, or its {@code "default"}; a placeholder for which no parameter is given stays as it is.
 */
public final class Personalisation {

    public static final String DEFAULT = "default";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9._-]+)}");

    private Personalisation() {}

    public static String bodyFor(String body, Map<String, Map<String, String>> parameters, String recipient) {
        return bodyFor(body, parameters, recipient, Integer.MAX_VALUE);
    }

    /**
     * The same, built no further than {@code most} characters and a little more: longer than {@code
     * most} means too long, whatever the whole would be (a short body with long values could be huge).
     */
    public static String bodyFor(String body, Map<String, Map<String, String>> parameters, String recipient, int most) {
        if (parameters.isEmpty()) {
            return body;
        }
        Matcher placeholder = PLACEHOLDER.matcher(body);
        var text = new StringBuilder();
        while (placeholder.find()) {
            if (text.length() > most) {
                return text.toString();
            }
            Map<String, String> values = parameters.get(placeholder.group(1));
            String value = values == null ? placeholder.group() : values.getOrDefault(recipient, values.get(DEFAULT));
            placeholder.appendReplacement(text, Matcher.quoteReplacement(value == null ? placeholder.group() : value));
        }
        placeholder.appendTail(text);
        return text.toString();
    }
}
