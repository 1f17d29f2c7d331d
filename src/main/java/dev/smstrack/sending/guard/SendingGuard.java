package dev.smstrack.sending.guard;

import dev.smstrack.operations.Meters;
import dev.smstrack.sending.api.InvalidSendRequestException;
import dev.smstrack.sending.api.SendingLimitException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.logging.Logger;

/**
 * Admits a send, or refuses it: the destinations and the sender first (400 naming the field), then
 * the caller's rate and quota (429). What an admitted send took is given back if it is not stored
 * after all. Every refusal is counted ({@code sms_tracker_sends_refused_total}) and kept, at most one
 * a second for each user and rule ({@link RefusalSampling}).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SendingGuard {

    private static final Logger LOG = Logger.getLogger(SendingGuard.class.getName());
    private static final int ATTEMPTS = 3;

    @Inject
    GuardSettings settings;

    @Inject
    SendingAllowance allowance;

    @Inject
    SendingRefusals refusals;

    @Inject
    RefusalSampling sampling;

    @Inject
    Meters meters;

    Clock clock = Clock.systemUTC();

    /** Admits {@code to.size()} messages from {@code user}, or throws why not. */
    public Optional<SendingAllowance.Taken> admit(
            String user, List<String> to, String from, Optional<String> defaultFrom)
            throws InvalidSendRequestException {
        return admit(user, to, from, defaultFrom, true);
    }

    private Optional<SendingAllowance.Taken> admit(
            String user, List<String> to, String from, Optional<String> defaultFrom, boolean sends)
            throws InvalidSendRequestException {
        var now = settings.now();
        Instant at = clock.instant();
        Optional<Refusal> refused = SendingPolicy.check(to, from, defaultFrom, now);
        if (refused.isPresent()) {
            throw invalid(user, refused.get(), at);
        }
        OptionalInt quota = sends ? now.dailyQuota() : OptionalInt.empty();
        if (now.ratePerMinute().isEmpty() && quota.isEmpty()) {
            return Optional.empty();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                var result = allowance.take(user, to.size(), now.ratePerMinute(), quota, at);
                if (result.taken() != null) {
                    return Optional.of(result.taken());
                }
                var exceeded = result.exceeded();
                if (to.size() > exceeded.limit()) {
                    throw invalid(user, tooMany(to.size(), exceeded), at);
                }
                throw limited(user, to.size(), exceeded, at);
            } catch (EJBException madeAtOnce) {
                // Another node made this user's first row at the same moment (a duplicate key, or a
                // deadlock on the gap both locked): one of them wins, the other asks again.
                if (attempt == ATTEMPTS) {
                    throw madeAtOnce;
                }
                LOG.fine(() -> "sending allowance taken at once by two transactions: " + madeAtOnce);
            }
        }
    }

    /**
     * Admits a dry run: the destinations and the sender as for a send (a dry run must not tell more
     * about a refused destination than a send would), and its recipients taken from the caller's rate
     * a minute, never from its daily quota: it sends nothing, but it spends Sinch's API rate.
     */
    public void admitDryRun(String user, List<String> to, String from, Optional<String> defaultFrom)
            throws InvalidSendRequestException {
        admit(user, to, from, defaultFrom, false);
    }

    /** Gives back what a send took that was not stored after all. */
    public void giveBack(Optional<SendingAllowance.Taken> taken) {
        taken.ifPresent(allowance::giveBack);
    }

    /** A request that could never pass: more recipients than the limit. */
    private static Refusal tooMany(int messages, SendingAllowance.Exceeded exceeded) {
        var period = exceeded.period();
        return new Refusal(
                period.rule,
                "to",
                messages + " recipients are more than the " + exceeded.limit() + " messages a user may send "
                        + period.per + ": split the request");
    }

    /** The limit, counted and kept, as the 429 that says when to try again. */
    private SendingLimitException limited(String user, int messages, SendingAllowance.Exceeded exceeded, Instant at) {
        var period = exceeded.period();
        long seconds = Math.max(1, (exceeded.retryAfter().toMillis() + 999) / 1000);
        var limited = new Refusal(
                period.rule,
                "to",
                user + " has sent " + exceeded.used() + " of the " + exceeded.limit() + " messages it may send "
                        + period.per + "; " + messages + " more would pass it; retry in " + seconds + " s");
        refuse(user, limited, at);
        return new SendingLimitException(period.rule.label(), seconds, limited.problem());
    }

    /** The refusal, counted and kept, as the 400 that names its field. */
    private InvalidSendRequestException invalid(String user, Refusal refusal, Instant at) {
        refuse(user, refusal, at);
        return new InvalidSendRequestException(refusal.field(), refusal.problem());
    }

    private void refuse(String user, Refusal refusal, Instant at) {
        meters.sendRefused(refusal.rule().label());
        if (!sampling.keep(user, refusal.rule(), at)) {
            return;
        }
        try {
            refusals.record(user, refusal, at);
        } catch (RuntimeException notKept) {
            LOG.warning(() -> "A refused send was not kept for the dashboard: " + notKept);
        }
    }
}
