package dev.smstrack.statistics;

import dev.smstrack.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * Counts the messages sent in a period in one query, grouped by key, status, code and bucket of
 * time to deliver: a range scan of the index {@code message_statistics}, which holds every column
 * read, so that the table itself is never read.
 */
@Stateless
@RolesAllowed(Roles.READER)
public class DeliveryStatistics {

    @PersistenceContext
    EntityManager em;

    public Statistics of(Instant from, Instant to, Grouping grouping) {
        String columns = "status, code, " + TimeToDeliver.BUCKET_SQL
                + grouping.column().map(column -> ", " + column).orElse("");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + columns + ", COUNT(*) FROM message"
                        + " WHERE created_at_ms >= ? AND created_at_ms < ? GROUP BY " + columns)
                .setParameter(1, from.toEpochMilli())
                .setParameter(2, to.toEpochMilli())
                .getResultList();
        Tally tally = new Tally(grouping);
        int count = grouping.column().isPresent() ? 4 : 3;
        for (Object[] row : rows) {
            tally.add(
                    grouping.column().isPresent() ? row[3] : null,
                    (String) row[0],
                    row[1] == null ? null : ((Number) row[1]).intValue(),
                    row[2] == null ? null : ((Number) row[2]).intValue(),
                    ((Number) row[count]).longValue());
        }
        return tally.statistics(from, to);
    }
}
