package dev.smstrack.statistics;

import dev.smstrack.platform.Digests;
import dev.smstrack.platform.Ids;
import dev.smstrack.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Test-only bean: writes messages as if sent at a given time and reports as the consumer stores
 * them, and reads statistics as a reader would.
 */
@Stateless
@PermitAll
@RunAs(Roles.READER)
public class StatisticsSeeds {

    @PersistenceContext
    EntityManager em;

    @Inject
    DeliveryStatistics statistics;

    public String message(Instant sentAt, String status, Integer code, String operator, Long deliveredAfterMs) {
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
        return id;
    }

    /** A report received now that moves the message to this status, stored as the consumer stores it. */
    public void lateReport(String messageId, String status, Integer code) {
        long now = System.currentTimeMillis();
        String callback = Ids.newId();
        em.createNativeQuery("INSERT INTO callback (id, type, dedup_key, outcome, received_at_ms, payload)"
                        + " VALUES (?, 'recipient_delivery_report_sms', ?, 'APPLIED', ?, '{}')")
                .setParameter(1, callback)
                .setParameter(2, Digests.sha256("statistics", callback))
                .setParameter(3, now)
                .executeUpdate();
        em.createNativeQuery("INSERT INTO status_event (id, callback_id, message_id, batch_id, status, code,"
                        + " reported_at_ms, received_at_ms) VALUES (?, ?, ?, 'STATS', ?, ?, ?, ?)")
                .setParameter(1, Ids.newId())
                .setParameter(2, callback)
                .setParameter(3, messageId)
                .setParameter(4, status)
                .setParameter(5, code)
                .setParameter(6, now)
                .setParameter(7, now)
                .executeUpdate();
        em.createNativeQuery("UPDATE message SET status = ?, code = ? WHERE id = ?")
                .setParameter(1, status)
                .setParameter(2, code)
                .setParameter(3, messageId)
                .executeUpdate();
    }

    /** Statistics with every whole hour before {@code rolledUpBefore} read from the roll-up. */
    public Statistics read(Instant from, Instant to, String groupBy, long rolledUpBefore) {
        return statistics.of(from, to, Grouping.named(groupBy).orElseThrow(), rolledUpBefore);
    }

    public Statistics read(Instant from, Instant to, String groupBy) {
        return statistics.of(from, to, Grouping.named(groupBy).orElseThrow());
    }
}
