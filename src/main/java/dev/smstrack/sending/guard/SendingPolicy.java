package dev.smstrack.sending.guard;

import java.util.List;
import java.util.Optional;

/**
 * Where a send may go and in whose name: every recipient must start with one of the allowed
 * prefixes, and the sender must be {@code SINCH_FROM} or one of the allowed senders. The first
 * recipient outside is named by its place in the list ({@code to[3]}), as a form shows it.
 */
final class SendingPolicy {

    private SendingPolicy() {}

    static Optional<Refusal> check(
            List<String> to, String from, Optional<String> defaultFrom, GuardSettings.Values settings) {
        if (!settings.everyDestinationAllowed()) {
            for (int i = 0; i < to.size(); i++) {
                String recipient = to.get(i);
                if (settings.allowedPrefixes().stream().noneMatch(recipient::startsWith)) {
                    return Optional.of(new Refusal(
                            Refusal.Rule.DESTINATION,
                            "to[" + i + "]",
                            recipient + " is outside the destinations this server sends to ("
                                    + String.join(", ", settings.allowedPrefixes()) + ")"));
                }
            }
        }
        boolean theDefault = defaultFrom.filter(from::equals).isPresent();
        if (!settings.everySenderAllowed()
                && !theDefault
                && !settings.allowedSenders().contains(from)) {
            return Optional.of(
                    new Refusal(Refusal.Rule.SENDER, "from", from + " is not a sender this server may send as"));
        }
        return Optional.empty();
    }
}
