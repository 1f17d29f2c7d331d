package dev.smstrack.processing;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Closes the race between a send and its first report: a report processed before its message was
 * stored is parked, and this sweep applies it once the message exists. Safe on several nodes at
 * once: each message is handled under its row lock, and a matched report is no longer parked. Each
 * sweep looks only at the reports that arrived since the one before it began (with a margin for
 * transactions still open then): the race lasts as long as a transaction, and a sweep over every
 * report parked in the last minutes cost the database more than the reports themselves under a
 * stream of reports about batches of no message of ours (measured: over a second every 5 s).
 */
@Stateless
@PermitAll
public class ParkedReports {

    private static final Logger LOG = Logger.getLogger(ParkedReports.class.getName());
    private static final int MESSAGES_PER_SWEEP = 500;
    /** How far back the first sweep of this node looks: the reports of a restart's downtime. */
    private static final Duration FIRST_WINDOW = Duration.ofMinutes(10);

    /** Longer than any transaction that parks a report may stay open. */
    private static final Duration MARGIN = Duration.ofSeconds(30);

    /** When this node's last sweep began: only a cost saving, any node may sweep any report. */
    private static volatile Instant lastSweep;

    @PersistenceContext
    EntityManager em;

    @Inject
    DeliveryReports reports;

    /** A report parked for longer than the race lasts belongs to no message of ours (see the unmatched view). */
    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        Instant now = Instant.now();
        Instant since = lastSweep == null ? now.minus(FIRST_WINDOW) : lastSweep.minus(MARGIN);
        Set<String> messageIds = new LinkedHashSet<>();
        for (String match : List.of("e.batchId = m.batchId", "e.clientReference = m.clientReference")) {
            messageIds.addAll(em.createQuery(
                            "SELECT DISTINCT m.id FROM StatusEvent e, Message m WHERE e.messageId IS NULL"
                                    + " AND e.receivedAt > :since AND " + match + " AND e.recipient = m.recipient",
                            String.class)
                    .setParameter("since", since)
                    .setMaxResults(MESSAGES_PER_SWEEP)
                    .getResultList());
        }
        int applied = 0;
        for (String messageId : messageIds) {
            applied += reports.applyParkedTo(messageId);
        }
        lastSweep = now;
        if (applied > 0) {
            int count = applied;
            LOG.info(() -> "Applied " + count + " parked delivery reports to " + messageIds.size() + " messages");
        }
    }
}
