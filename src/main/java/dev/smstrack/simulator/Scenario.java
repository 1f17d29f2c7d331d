package dev.smstrack.simulator;

import java.util.List;

/**
 * Recipients that make the simulator misbehave in one known way, for tests and demos. Any other
 * number gets the configured mix of outcomes.
 */
enum Scenario {
    /** The first two attempts are answered 429 with Retry-After: 1. */
    TOO_MANY_REQUESTS("+46700000429"),
    /** The first two attempts are answered 503. */
    UNAVAILABLE("+46700000503"),
    /** The first attempt creates the batch, then answers 504 as if it had failed. */
    CREATED_BUT_TIMED_OUT("+46700000504"),
    /** Answered 400 with Sinch's syntax_invalid_parameter_format. */
    INVALID("+46700000400"),
    /** Dispatched is reported before the send is answered. */
    REPORT_BEFORE_ANSWER("+46700000001"),
    /** The final status is never called back: only a delivery report lookup shows it. */
    FINAL_REPORT_LOST("+46700000404"),
    /** Ends Failed. */
    FAILS("+46700000666"),
    /** Dispatched after 2 s, Delivered 3 s later: slow enough for a person, or a browser test, to watch. */
    DELIVERED_SLOWLY("+46700000100"),
    /** In its batch, every recipient is final at once and nothing is called back: only lookups show it. */
    FINAL_REPORTS_LOST("+46700000405"),
    /** Answered 201 without a batch id. */
    CREATED_WITHOUT_ID("+46700000201"),
    /** Answered 503, and every lookup of its batches without a "batches" list. */
    LOOKUP_WITHOUT_BATCHES("+46700000202"),
    NONE(null);

    private final String recipient;

    Scenario(String recipient) {
        this.recipient = recipient;
    }

    static Scenario of(List<String> recipients) {
        for (Scenario scenario : values()) {
            if (scenario.recipient != null && recipients.contains(scenario.recipient)) {
                return scenario;
            }
        }
        return NONE;
    }

    static boolean appliesTo(Scenario scenario, String recipient) {
        return scenario.recipient != null && scenario.recipient.equals(recipient);
    }
}
