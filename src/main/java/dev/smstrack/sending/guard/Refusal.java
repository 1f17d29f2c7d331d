package dev.smstrack.sending.guard;

/** Why the guard refused a send: the rule, the field to fix, and the reason. */
record Refusal(Rule rule, String field, String problem) {

    /** Which rule refused, as the metric and the refusals list name it. */
    enum Rule {
        DESTINATION,
        SENDER,
        RATE,
        QUOTA;

        String label() {
            return name().toLowerCase();
        }
    }
}
