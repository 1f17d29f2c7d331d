package dev.smstrack.sending.guard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Says at start what the sending guard leaves open, and whether its settings can be read. */
@ApplicationScoped
public class UnguardedSendingWarning {

    private static final Logger LOG = Logger.getLogger(UnguardedSendingWarning.class.getName());

    @Inject
    GuardSettings settings;

    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            var now = settings.now();
            if (now.everyDestinationAllowed()) {
                LOG.warning("SENDING_ALLOWED_PREFIXES is not set: any sender may send to any number, premium and"
                        + " international ranges included. Set it to the prefixes you send to (+46,+47,+4420)");
            }
            if (now.ratePerMinute().isEmpty() && now.dailyQuota().isEmpty()) {
                LOG.warning("Neither SENDING_RATE_PER_USER_PER_MINUTE nor SENDING_DAILY_QUOTA_PER_USER is set: a"
                        + " sender's password sends without limit");
            }
        } catch (RuntimeException misconfigured) {
            LOG.severe(misconfigured.getMessage() + ". Every send is refused until it is fixed");
        }
    }
}
