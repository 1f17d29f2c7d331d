package dev.smstrack.sending.guard;

import dev.smstrack.platform.PhoneNumbers;
import dev.smstrack.sending.api.SendingUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The guard's settings, from MicroProfile Config (environment variables), read at each send:
 *
 * <ul>
 *   <li>{@code SENDING_ALLOWED_PREFIXES}: comma-separated E.164 prefixes ({@code +46,+47,+4420});
 *       unset, every destination is allowed;
 *   <li>{@code SENDING_ALLOWED_SENDERS}: the {@code from} values allowed besides {@code SINCH_FROM};
 *       unset, any;
 *   <li>{@code SENDING_RATE_PER_USER_PER_MINUTE}, {@code SENDING_DAILY_QUOTA_PER_USER}: messages (a
 *       recipient each) a user may send a minute, a day (UTC); unset, no limit.
 * </ul>
 *
 * A value that is not what it should be (a prefix that is not a plus and digits, a limit below 1)
 * refuses every send with a 503 that names the setting, rather than send unguarded.
 */
@ApplicationScoped
public class GuardSettings {

    /** The settings of one send. */
    public record Values(
            List<String> allowedPrefixes,
            List<String> allowedSenders,
            OptionalInt ratePerMinute,
            OptionalInt dailyQuota) {

        boolean everyDestinationAllowed() {
            return allowedPrefixes.isEmpty();
        }

        boolean everySenderAllowed() {
            return allowedSenders.isEmpty();
        }
    }

    /** The settings now; throws {@link SendingUnavailableException} for one that cannot be read. */
    public Values now() {
        Config config = ConfigProvider.getConfig();
        List<String> prefixes = list(config, "sending.allowed.prefixes");
        for (String prefix : prefixes) {
            if (!PhoneNumbers.isE164(prefix)) {
                throw misconfigured("SENDING_ALLOWED_PREFIXES holds " + prefix
                        + ", which is not an E.164 prefix like +46 or +4420");
            }
        }
        return new Values(
                prefixes,
                list(config, "sending.allowed.senders"),
                limit(config, "sending.rate.per.user.per.minute", "SENDING_RATE_PER_USER_PER_MINUTE"),
                limit(config, "sending.daily.quota.per.user", "SENDING_DAILY_QUOTA_PER_USER"));
    }

    private static List<String> list(Config config, String name) {
        return config.getOptionalValue(name, String.class)
                .map(value -> Arrays.stream(value.split(","))
                        .map(String::strip)
                        .filter(item -> !item.isEmpty())
                        .toList())
                .orElse(List.of());
    }

    private static OptionalInt limit(Config config, String name, String variable) {
        var value =
                config.getOptionalValue(name, String.class).map(String::strip).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            int limit = Integer.parseInt(value.get());
            if (limit >= 1) {
                return OptionalInt.of(limit);
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw misconfigured(variable + " is " + value.get() + ", not a whole number of at least 1");
    }

    private static SendingUnavailableException misconfigured(String problem) {
        return new SendingUnavailableException("the sending guard is misconfigured: " + problem);
    }
}
