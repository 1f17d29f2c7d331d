package dev.smstrack.statistics;

import dev.smstrack.platform.Ids;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The counts statistics read: of the messages themselves, grouped as asked, and of the rolled-up
 * hours in {@code delivery_hour}, one row per status, code and operator of each hour.
 */
@Stateless
@PermitAll
public class DeliveryHours {

    static final long HOUR = 3_600_000L;
    static final String HOURS_BEFORE = "hours_before";
    static final String REPORTS_UP_TO = "reports_up_to";

    @PersistenceContext
    EntityManager em;

    /**
     * Messages sent in [from, to), counted by status, code, bucket of time to deliver and the
     * column given: a range scan of the covering index message_statistics.
     */
    public List<Object[]> countsOfMessages(long from, long to, Optional<String> column) {
        String columns = "status, code, " + TimeToDeliver.BUCKET_SQL
                + column.map(c -> ", " + c).orElse("");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + columns + ", COUNT(*) FROM message"
                        + " WHERE created_at_ms >= ? AND created_at_ms < ? GROUP BY " + columns)
                .setParameter(1, from)
                .setParameter(2, to)
                .getResultList();
        return rows;
    }

    /** The rolled-up rows of the hours in [from, to): hour, status, code, operator, messages, delivered_after. */
    public List<Object[]> rolledUp(long from, long to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT hour_ms, status, code, operator, messages, delivered_after"
                        + " FROM delivery_hour WHERE hour_ms >= ? AND hour_ms < ?")
                .setParameter(1, from)
                .setParameter(2, to)
                .getResultList();
        return rows;
    }

    /** Rolls one hour up anew, in a transaction of its own: its rows replace what the hour had. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void rollUp(long hour) {
        em.createNativeQuery("DELETE FROM delivery_hour WHERE hour_ms = ?")
                .setParameter(1, hour)
                .executeUpdate();
        record Key(String status, Integer code, String operator) {}
        /** The messages of one key, and the times to deliver of those with one. */
        final class Counts {
            long messages;
            TimeToDeliver times;
        }
        Map<Key, Counts> rows = new LinkedHashMap<>();
        for (Object[] row : countsOfMessages(hour, hour + HOUR, Optional.of("operator"))) {
            var key = new Key(((String) row[0]).toLowerCase(Locale.ROOT), integer(row[1]), (String) row[3]);
            long count = ((Number) row[4]).longValue();
            Counts counts = rows.computeIfAbsent(key, k -> new Counts());
            counts.messages += count;
            if (row[2] != null) {
                if (counts.times == null) {
                    counts.times = TimeToDeliver.none();
                }
                counts.times.add(integer(row[2]), count);
            }
        }
        int rowNo = 0;
        for (var entry : rows.entrySet()) {
            Key key = entry.getKey();
            TimeToDeliver time = entry.getValue().times;
            em.createNativeQuery("INSERT INTO delivery_hour (hour_ms, row_no, status, code, operator, messages,"
                            + " delivered_after) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .setParameter(1, hour)
                    .setParameter(2, rowNo++)
                    .setParameter(3, key.status())
                    .setParameter(4, key.code())
                    .setParameter(5, key.operator())
                    .setParameter(6, entry.getValue().messages)
                    .setParameter(7, time == null ? null : time.encoded())
                    .executeUpdate();
        }
    }

    /** The hour of the first message sent at or after this time, if there is one. */
    public OptionalLong firstHourFrom(long from) {
        Object first = em.createNativeQuery("SELECT MIN(created_at_ms) FROM message WHERE created_at_ms >= ?")
                .setParameter(1, from)
                .getSingleResult();
        return first == null ? OptionalLong.empty() : OptionalLong.of(((Number) first).longValue() / HOUR * HOUR);
    }

    /**
     * The hours before {@code before} with a message that a report received since {@code since}
     * was matched to (report ids grow with time: a range of the primary key).
     */
    public List<Long> touchedSince(Instant since, long before) {
        @SuppressWarnings("unchecked")
        List<Object> hours = em.createNativeQuery("SELECT DISTINCT FLOOR(m.created_at_ms / " + HOUR + ")"
                        + " FROM status_event e JOIN message m ON m.id = e.message_id"
                        + " WHERE e.id >= ? AND m.created_at_ms < ?")
                .setParameter(1, Ids.firstAt(since))
                .setParameter(2, before)
                .getResultList();
        return hours.stream()
                .map(hour -> ((Number) hour).longValue() * HOUR)
                .sorted()
                .toList();
    }

    public long progress(String name) {
        return ((Number) em.createNativeQuery("SELECT up_to_ms FROM delivery_hour_progress WHERE name = ?")
                        .setParameter(1, name)
                        .getSingleResult())
                .longValue();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void advance(String name, long upTo) {
        em.createNativeQuery("UPDATE delivery_hour_progress SET up_to_ms = ? WHERE name = ?")
                .setParameter(1, upTo)
                .setParameter(2, name)
                .executeUpdate();
    }

    static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
