package dev.smstrack.statistics;

import dev.smstrack.platform.Ids;
import dev.smstrack.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/** Test-only bean: writes messages as if sent at a given time, and reads statistics as a reader would. */
@Stateless
@PermitAll
@RunAs(Roles.READER)
public class StatisticsSeeds {

    @PersistenceContext
    EntityManager em;

    @Inject
    DeliveryStatistics statistics;

    public void message(Instant sentAt, String status, Integer code, String operator, Long deliveredAfterMs) {
        String id = Ids.newIdAt(sentAt.toEpochMilli());
        em.createNativeQuery(
                        "INSERT INTO message (id, batch_id, recipient, status, code, operator,"
                                + " delivered_after_ms, created_at_ms, updated_at_ms) VALUES (?, ?, '+46701234567', ?, ?, ?, ?, ?, ?)")
                .setParameter(1, id)
                .setParameter(2, "STATS" + id.substring(0, 8))
                .setParameter(3, status)
                .setParameter(4, code)
                .setParameter(5, operator)
                .setParameter(6, deliveredAfterMs)
                .setParameter(7, sentAt.toEpochMilli())
                .setParameter(8, sentAt.toEpochMilli())
                .executeUpdate();
    }

    public Statistics read(Instant from, Instant to, String groupBy) {
        return statistics.of(from, to, Grouping.named(groupBy).orElseThrow());
    }
}
