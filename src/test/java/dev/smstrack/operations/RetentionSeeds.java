package dev.smstrack.operations;

import dev.smstrack.platform.Digests;
import dev.smstrack.platform.Ids;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/** Test-only bean that writes rows as if stored at a given time, id and time columns alike. */
@Stateless
public class RetentionSeeds {

    @PersistenceContext
    EntityManager em;

    public String callback(Instant at) {
        String id = Ids.newIdAt(at.toEpochMilli());
        em.createNativeQuery("INSERT INTO callback (id, type, dedup_key, outcome, received_at_ms, payload)"
                        + " VALUES (?, 'recipient_delivery_report_sms', ?, 'APPLIED', ?, ?)")
                .setParameter(1, id)
                .setParameter(2, Digests.sha256("retention", id))
                .setParameter(3, at.toEpochMilli())
                .setParameter(4, "{\"recipient\": \"46701234567\"}")
                .executeUpdate();
        return id;
    }

    public String message(Instant at, String status) {
        String id = Ids.newIdAt(at.toEpochMilli());
        em.createNativeQuery("INSERT INTO message (id, batch_id, recipient, status, created_at_ms, updated_at_ms)"
                        + " VALUES (?, ?, '+46701234567', ?, ?, ?)")
                .setParameter(1, id)
                .setParameter(2, "RETENTION" + id.substring(0, 8))
                .setParameter(3, status)
                .setParameter(4, at.toEpochMilli())
                .setParameter(5, at.toEpochMilli())
                .executeUpdate();
        return id;
    }

    /**
     * Retention forgets recipients from where it stopped, by message id, which only grows in use;
     * messages seeded back-dated may be older than where an earlier run stopped: start over.
     */
    public void forgetWhereRetentionStopped() {
        em.createNativeQuery("UPDATE retention_progress SET up_to_id = '' WHERE name = 'message_recipients'")
                .executeUpdate();
    }

    public String recipientOf(String messageId) {
        return (String) em.createNativeQuery("SELECT recipient FROM message WHERE id = ?")
                .setParameter(1, messageId)
                .getSingleResult();
    }

    public String statusEvent(Instant at, String callbackId, String messageId) {
        String id = Ids.newIdAt(at.toEpochMilli());
        em.createNativeQuery(
                        "INSERT INTO status_event (id, callback_id, message_id, batch_id, recipient, status,"
                                + " reported_at_ms, received_at_ms) VALUES (?, ?, ?, 'RETENTION', '+46701234567', 'Delivered', ?, ?)")
                .setParameter(1, id)
                .setParameter(2, callbackId)
                .setParameter(3, messageId)
                .setParameter(4, at.toEpochMilli())
                .setParameter(5, at.toEpochMilli())
                .executeUpdate();
        return id;
    }

    public String inboundMessage(Instant at, String callbackId) {
        String id = Ids.newIdAt(at.toEpochMilli());
        em.createNativeQuery(
                        "INSERT INTO inbound_message (id, callback_id, sinch_id, type, sender, body, received_at_ms)"
                                + " VALUES (?, ?, ?, 'mo_text', '+46701234567', 'a private text', ?)")
                .setParameter(1, id)
                .setParameter(2, callbackId)
                .setParameter(3, "sinch-" + id)
                .setParameter(4, at.toEpochMilli())
                .executeUpdate();
        return id;
    }

    public String submission(Instant at) {
        String id = Ids.newIdAt(at.toEpochMilli());
        em.createNativeQuery("INSERT INTO submission (id, idempotency_key, status, delivery_report, body, encoding,"
                        + " parts, attempts, created_at_ms, updated_at_ms)"
                        + " VALUES (?, ?, 'SUBMITTED', 'per_recipient', 'a private text', 'GSM7', 1, 1, ?, ?)")
                .setParameter(1, id)
                .setParameter(2, "retention-" + id)
                .setParameter(3, at.toEpochMilli())
                .setParameter(4, at.toEpochMilli())
                .executeUpdate();
        return id;
    }

    public boolean exists(String table, String id) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + table + " WHERE id = ?")
                                .setParameter(1, id)
                                .getSingleResult())
                        .longValue()
                == 1;
    }

    public String statusOf(String messageId) {
        return (String) em.createNativeQuery("SELECT status FROM message WHERE id = ?")
                .setParameter(1, messageId)
                .getSingleResult();
    }
}
