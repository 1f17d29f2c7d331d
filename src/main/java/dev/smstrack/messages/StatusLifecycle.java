package dev.smstrack.messages;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The order of delivery statuses. A report replaces the current status only if it is further along
 * (a final status is never replaced by an intermediate one), or as far along and later.
 */
public final class StatusLifecycle {

    /** Our own statuses before Sinch reports anything, and after a send that never reached it. */
    public static final String PENDING = "PENDING";

    public static final String SUBMITTED = "SUBMITTED";

    /** Accepted by Sinch, which holds it until the time it is to be sent. */
    public static final String SCHEDULED = "SCHEDULED";

    /** Cancelled before Sinch sent it. */
    public static final String CANCELLED = "CANCELLED";

    public static final String REJECTED = "REJECTED";
    public static final String FAILED_TO_SUBMIT = "FAILED_TO_SUBMIT";

    /** Given up on: no report came in time. Any real final report still replaces it. */
    public static final String TIMED_OUT = "TIMED_OUT";

    /** Statuses, as Sinch writes them, after which a report is still to come. */
    public static final List<String> AWAITING_REPORT =
            List.of(SUBMITTED, SCHEDULED, "Queued", "Dispatched", "QUEUED_ON_CHANNEL", "SWITCHING_CHANNEL");

    private static final int INTERMEDIATE = 2;
    private static final int GIVEN_UP = 3;
    private static final int FINAL = 4;

    private static final Map<String, Integer> RANKS = Map.ofEntries(
            Map.entry("pending", 0),
            Map.entry("submitted", 0),
            Map.entry("scheduled", 0),
            Map.entry("queued", 1),
            Map.entry("queued_on_channel", 1),
            Map.entry("switching_channel", 1),
            Map.entry("dispatched", INTERMEDIATE),
            Map.entry("aborted", FINAL),
            Map.entry("cancelled", FINAL),
            Map.entry("rejected", FINAL),
            Map.entry("deleted", FINAL),
            Map.entry("delivered", FINAL),
            Map.entry("failed", FINAL),
            Map.entry("expired", FINAL),
            Map.entry("unknown", FINAL),
            Map.entry("failed_to_submit", FINAL),
            Map.entry("timed_out", GIVEN_UP),
            Map.entry("read", FINAL + 1));

    /** The statuses a filter may name, in any case. */
    public static final List<String> KNOWN = RANKS.keySet().stream().sorted().toList();

    private StatusLifecycle() {}

    /**
     * How a known status may be stored: as the SMS API spells it ("Delivered") and as the
     * Conversation API and this product do ("DELIVERED"); empty for a status nobody knows.
     */
    public static Optional<List<String>> spellingsOf(String status) {
        String key = status.strip().toLowerCase(Locale.ROOT);
        if (!RANKS.containsKey(key)) {
            return Optional.empty();
        }
        String capitalized = Character.toUpperCase(key.charAt(0)) + key.substring(1);
        return Optional.of(List.of(capitalized, key.toUpperCase(Locale.ROOT)));
    }

    /** Statuses nobody knows yet are kept, and ranked as intermediate. */
    static int rank(String status) {
        return RANKS.getOrDefault(status.toLowerCase(Locale.ROOT), INTERMEDIATE);
    }

    /** It reached the handset: delivered, or read after that. */
    public static boolean isDelivered(String status) {
        String key = status.toLowerCase(Locale.ROOT);
        return key.equals("delivered") || key.equals("read");
    }

    /** No further report is expected (or waited for). */
    public static boolean isFinal(String status) {
        return rank(status) >= GIVEN_UP;
    }

    /** Every spelling of every status after which no report is expected: what "final" filters on. */
    public static List<String> finalSpellings() {
        return RANKS.entrySet().stream()
                .filter(rank -> rank.getValue() >= GIVEN_UP)
                .flatMap(rank -> spellingsOf(rank.getKey()).orElseThrow().stream())
                .sorted()
                .toList();
    }

    /** True when a report of {@code status} at {@code at} should become the current status. */
    public static boolean supersedes(String status, Instant at, String current, Instant currentAt) {
        int difference = rank(status) - rank(current);
        if (difference != 0) {
            return difference > 0;
        }
        return currentAt == null || at.isAfter(currentAt);
    }
}
