package dev.smstrack.statistics;

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
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rolls up the hours of sending that have settled: older than reconciliation's give-up time and
 * some hours more, after which only a late report can change a message (it is rolled up again
 * then). Every 5 minutes, on the one node that holds the "statistics" lease, an hour a
 * transaction, for at most {@value #RUN_SECONDS} s a run; the first runs roll up the past.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class DeliveryHoursRollup {

    static final int RUN_SECONDS = 120;
    /** After give-up, reconciliation's last TIMED_OUT may still be on its way: wait this much more. */
    static final Duration SETTLING = Duration.ofHours(6);
    /** A report's id is made before its transaction commits: look this far behind the last run. */
    static final Duration LATE_COMMIT = Duration.ofMinutes(10);

    @Inject
    DeliveryHours hours;

    @Inject
    Leases leases;

    @Inject
    @ConfigProperty(name = "sinch.reconcile.give.up.hours", defaultValue = "72")
    long giveUpHours;

    @Schedule(hour = "*", minute = "*/5", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void scheduled() {
        if (leases.acquire("statistics", Duration.ofMinutes(4))) {
            run(Instant.now());
        }
    }

    /** Rolls up again the hours late reports touched, then the settled hours not rolled up yet. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void run(Instant now) {
        Instant stop = Instant.now().plusSeconds(RUN_SECONDS);
        long before = hours.progress(DeliveryHours.HOURS_BEFORE);
        Instant started = Instant.now();
        Instant seen = Instant.ofEpochMilli(hours.progress(DeliveryHours.REPORTS_UP_TO));
        if (before > 0) { // else nothing is rolled up yet, and no report can have touched it
            for (long hour : hours.touchedSince(seen.minus(LATE_COMMIT), before)) {
                hours.rollUp(hour);
            }
        }
        hours.advance(DeliveryHours.REPORTS_UP_TO, started.toEpochMilli());
        long settled = settledBefore(now);
        while (before < settled && Instant.now().isBefore(stop)) {
            OptionalLong next = hours.firstHourFrom(before);
            if (next.isEmpty() || next.getAsLong() >= settled) {
                before = settled; // no message in between: nothing to roll up
            } else {
                hours.rollUp(next.getAsLong());
                before = next.getAsLong() + DeliveryHours.HOUR;
            }
            hours.advance(DeliveryHours.HOURS_BEFORE, before);
        }
    }

    long settledBefore(Instant now) {
        long settledAt =
                now.minus(Duration.ofHours(giveUpHours)).minus(SETTLING).toEpochMilli();
        return settledAt / DeliveryHours.HOUR * DeliveryHours.HOUR;
    }
}
