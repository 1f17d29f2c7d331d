package dev.smstrack.operations;

import dev.smstrack.platform.persistence.Leases;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes what is older than {@code RETENTION_DAYS} (default 90): raw callbacks (the payloads, with
 * their phone numbers and bodies), status events, inbound messages and send requests. Messages stay,
 * with their final status, but keep their recipient's keyed pseudonym only (as after an erasure). Every 15 minutes, on the one node that holds the "retention" lease, in
 * batches of {@value #BATCH} rows, each its own transaction, for at most {@value #RUN_SECONDS} s a
 * run: a backlog takes several runs rather than one long lock.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class Retention {

    static final int BATCH = 500;
    static final int RUN_SECONDS = 120;
    /** Never less: a nonce must outlive the signature tolerance (24 h by default) to catch a replay. */
    static final int FEWEST_DAYS = 2;

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    @Inject
    RetentionBatches batches;

    @Inject
    Leases leases;

    @Inject
    @ConfigProperty(name = "retention.days", defaultValue = "90")
    int retentionDays;

    @Schedule(hour = "*", minute = "*/15", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void scheduled() {
        if (leases.acquire("retention", Duration.ofMinutes(14))) {
            purge(Instant.now().minus(Duration.ofDays(Math.max(FEWEST_DAYS, retentionDays))));
        }
    }

    /** Deletes what was stored before {@code cutoff}, in batches; returns how many rows of each kind. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Map<RetentionBatches.Kept, Integer> purge(Instant cutoff) {
        Instant stop = Instant.now().plusSeconds(RUN_SECONDS);
        Map<RetentionBatches.Kept, Integer> deleted = new EnumMap<>(RetentionBatches.Kept.class);
        for (var kind : RetentionBatches.Kept.values()) {
            int total = 0;
            for (int batch; Instant.now().isBefore(stop) && (batch = batches.deleteOlder(kind, cutoff, BATCH)) > 0; ) {
                total += batch;
            }
            deleted.put(kind, total);
        }
        int forgotten = 0;
        for (int batch; Instant.now().isBefore(stop) && (batch = batches.forgetRecipientsOlder(cutoff, BATCH)) > 0; ) {
            forgotten += batch;
        }
        if (deleted.values().stream().anyMatch(count -> count > 0)) {
            LOG.info(() -> "Retention: deleted what was stored before " + cutoff + ": " + deleted);
        }
        if (forgotten > 0) {
            int messages = forgotten;
            LOG.info(() -> "Retention: " + messages + " messages sent before " + cutoff + " keep their recipient's"
                    + " pseudonym only");
        }
        return deleted;
    }
}
