package dev.smstrack.sending.guard;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * What each user may still send: its messages this minute and this day (UTC), counted in the
 * database ({@code sending_usage}), one row per user and period, locked for the length of a short
 * transaction of its own. Fixed periods: a user may send its rate at the end of one minute and again
 * at the start of the next.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SendingAllowance {

    /** A period a limit counts in. */
    enum Period {
        MINUTE(ChronoUnit.MINUTES, Refusal.Rule.RATE, "a minute"),
        DAY(ChronoUnit.DAYS, Refusal.Rule.QUOTA, "a day");

        final ChronoUnit unit;
        final Refusal.Rule rule;
        final String per;

        Period(ChronoUnit unit, Refusal.Rule rule, String per) {
            this.unit = unit;
            this.rule = rule;
            this.per = per;
        }

        String key() {
            return name().toLowerCase();
        }

        Instant start(Instant now) {
            return now.truncatedTo(unit);
        }

        Instant end(Instant now) {
            return start(now).plus(1, unit);
        }
    }

    /** What a send took, at {@code at}, in each period: given back if it is not stored after all. */
    public record Taken(String user, int messages, Instant at, List<Period> periods) {}

    /** The limit a send would pass, and when it may try again. */
    record Exceeded(Period period, int limit, int used, Duration retryAfter) {}

    /** Either what was taken or which limit it would pass. */
    public record Result(Taken taken, Exceeded exceeded) {}

    private record Limit(Period period, int most) {}

    @PersistenceContext
    EntityManager em;

    /**
     * Takes {@code messages} from the user's allowance of each period that has a limit, or nothing
     * at all and says which limit it would pass. Fails (and takes nothing) when another transaction
     * made the user's first row at the same moment: the caller tries again.
     */
    public Result take(String user, int messages, OptionalInt perMinute, OptionalInt perDay, Instant now) {
        List<Limit> limits = new ArrayList<>();
        perMinute.ifPresent(most -> limits.add(new Limit(Period.MINUTE, most)));
        perDay.ifPresent(most -> limits.add(new Limit(Period.DAY, most)));
        int[] used = new int[limits.size()];
        for (int i = 0; i < limits.size(); i++) {
            Limit limit = limits.get(i);
            used[i] = usedLocked(user, limit.period(), now);
            if (used[i] + messages > limit.most()) {
                return new Result(
                        null,
                        new Exceeded(
                                limit.period(),
                                limit.most(),
                                used[i],
                                Duration.between(now, limit.period().end(now))));
            }
        }
        for (int i = 0; i < limits.size(); i++) {
            Period period = limits.get(i).period();
            em.createNativeQuery("UPDATE sending_usage SET period_start_ms = ?, messages = ?"
                            + " WHERE user_name = ? AND period = ?")
                    .setParameter(1, period.start(now).toEpochMilli())
                    .setParameter(2, used[i] + messages)
                    .setParameter(3, user)
                    .setParameter(4, period.key())
                    .executeUpdate();
        }
        return new Result(
                new Taken(
                        user, messages, now, limits.stream().map(Limit::period).toList()),
                null);
    }

    /** Gives back what a send took, if its periods are still the current ones. */
    public void giveBack(Taken taken) {
        for (Period period : taken.periods()) {
            em.createNativeQuery("UPDATE sending_usage SET messages = GREATEST(messages - ?, 0)"
                            + " WHERE user_name = ? AND period = ? AND period_start_ms = ?")
                    .setParameter(1, taken.messages())
                    .setParameter(2, taken.user())
                    .setParameter(3, period.key())
                    .setParameter(4, period.start(taken.at()).toEpochMilli())
                    .executeUpdate();
        }
    }

    /** Each user's messages in the current minute and day, busiest today first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Usage> current(Instant now) {
        Map<String, int[]> counts = new TreeMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT user_name, period, messages FROM sending_usage"
                        + " WHERE (period = ? AND period_start_ms = ?) OR (period = ? AND period_start_ms = ?)")
                .setParameter(1, Period.MINUTE.key())
                .setParameter(2, Period.MINUTE.start(now).toEpochMilli())
                .setParameter(3, Period.DAY.key())
                .setParameter(4, Period.DAY.start(now).toEpochMilli())
                .getResultList();
        for (Object[] row : rows) {
            int[] count = counts.computeIfAbsent((String) row[0], user -> new int[2]);
            count[Period.MINUTE.key().equals(row[1]) ? 0 : 1] = ((Number) row[2]).intValue();
        }
        return counts.entrySet().stream()
                .map(entry -> new Usage(entry.getKey(), entry.getValue()[0], entry.getValue()[1]))
                .sorted(Comparator.comparingInt(Usage::today).reversed())
                .toList();
    }

    /** A user's messages this minute and today. */
    public record Usage(String user, int thisMinute, int today) {}

    /** The user's messages in the current period, its row locked (made if it has none yet). */
    private int usedLocked(String user, Period period, Instant now) {
        Optional<Object[]> row = locked(user, period);
        if (row.isEmpty()) {
            em.createNativeQuery("INSERT INTO sending_usage (user_name, period, period_start_ms, messages)"
                            + " VALUES (?, ?, ?, 0)")
                    .setParameter(1, user)
                    .setParameter(2, period.key())
                    .setParameter(3, period.start(now).toEpochMilli())
                    .executeUpdate();
            return 0;
        }
        long start = ((Number) row.get()[0]).longValue();
        return start == period.start(now).toEpochMilli() ? ((Number) row.get()[1]).intValue() : 0;
    }

    @SuppressWarnings("unchecked")
    private Optional<Object[]> locked(String user, Period period) {
        List<Object[]> rows = em.createNativeQuery("SELECT period_start_ms, messages FROM sending_usage"
                        + " WHERE user_name = ? AND period = ? FOR UPDATE")
                .setParameter(1, user)
                .setParameter(2, period.key())
                .getResultList();
        return rows.stream().findFirst();
    }
}
