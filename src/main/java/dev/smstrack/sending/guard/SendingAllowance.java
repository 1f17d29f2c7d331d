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

    /** What a send took: given back if it is not stored after all. */
    public record Taken(String user, int messages, List<Instant> periodStarts, List<Period> periods) {}

    /** The limit a send would pass, and when it may try again. */
    record Exceeded(Period period, int limit, int used, Duration retryAfter) {}

    @PersistenceContext
    EntityManager em;

    /**
     * Takes {@code messages} from the user's allowance of each period that has a limit, or nothing
     * at all and says which limit it would pass. Fails (and takes nothing) when another transaction
     * made the user's first row at the same moment: the caller tries again.
     */
    public Result take(String user, int messages, OptionalInt perMinute, OptionalInt perDay, Instant now) {
        List<Period> periods = new ArrayList<>();
        List<Integer> limits = new ArrayList<>();
        perMinute.ifPresent(limit -> {
            periods.add(Period.MINUTE);
            limits.add(limit);
        });
        perDay.ifPresent(limit -> {
            periods.add(Period.DAY);
            limits.add(limit);
        });
        List<Integer> used = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            Period period = periods.get(i);
            int usedNow = usedLocked(user, period, now);
            if (usedNow + messages > limits.get(i)) {
                return new Result(
                        null, new Exceeded(period, limits.get(i), usedNow, Duration.between(now, period.end(now))));
            }
            used.add(usedNow);
        }
        List<Instant> starts = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            Instant start = periods.get(i).start(now);
            em.createNativeQuery("UPDATE sending_usage SET period_start_ms = ?, messages = ?"
                            + " WHERE user_name = ? AND period = ?")
                    .setParameter(1, start.toEpochMilli())
                    .setParameter(2, used.get(i) + messages)
                    .setParameter(3, user)
                    .setParameter(4, periods.get(i).key())
                    .executeUpdate();
            starts.add(start);
        }
        return new Result(new Taken(user, messages, starts, periods), null);
    }

    /** Either what was taken or which limit it would pass. */
    public record Result(Taken taken, Exceeded exceeded) {}

    /** Gives back what a send took, if its periods are still the current ones. */
    public void giveBack(Taken taken) {
        for (int i = 0; i < taken.periods().size(); i++) {
            em.createNativeQuery("UPDATE sending_usage SET messages = GREATEST(messages - ?, 0)"
                            + " WHERE user_name = ? AND period = ? AND period_start_ms = ?")
                    .setParameter(1, taken.messages())
                    .setParameter(2, taken.user())
                    .setParameter(3, taken.periods().get(i).key())
                    .setParameter(4, taken.periodStarts().get(i).toEpochMilli())
                    .executeUpdate();
        }
    }

    /** Each user's messages in the current minute and day, busiest today first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Usage> current(Instant now) {
        Map<String, int[]> counts = new TreeMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT user_name, period, messages FROM sending_usage"
                                + " WHERE (period = 'minute' AND period_start_ms = ?) OR (period = 'day' AND period_start_ms = ?)")
                .setParameter(1, Period.MINUTE.start(now).toEpochMilli())
                .setParameter(2, Period.DAY.start(now).toEpochMilli())
                .getResultList();
        for (Object[] row : rows) {
            int[] count = counts.computeIfAbsent((String) row[0], user -> new int[2]);
            count["minute".equals(row[1]) ? 0 : 1] = ((Number) row[2]).intValue();
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
