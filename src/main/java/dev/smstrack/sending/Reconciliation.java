package dev.smstrack.sending;

import dev.smstrack.messages.DueCheck;
import dev.smstrack.platform.persistence.Leases;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Catches up with what callbacks did not tell: looks every message without a final status up at
 * Sinch when its check is due (SINCH_RECONCILE_AFTER_SECONDS after it was sent, then twice as long
 * each time, at most 6 h), the longest due first, and hands the answers to the callback queue. Gives
 * a message up as TIMED_OUT after SINCH_RECONCILE_GIVE_UP_HOURS, and resumes submissions whose
 * scheduled attempt was lost. Each run checks at most {@value #PER_RUN} messages, within four fifths
 * of the interval; calls to Sinch happen outside any transaction, each result is stored in a short
 * one ({@link ReconciliationSteps}). In a cluster one node at a time does it: the holder of a lease.
 */
@Singleton
@Startup
@PermitAll
public class Reconciliation {

    static final int PER_RUN = 200;
    private static final String LEASE = "reconciliation";
    private static final Logger LOG = Logger.getLogger(Reconciliation.class.getName());

    @Resource
    TimerService timers;

    @Inject
    ReconciliationSteps steps;

    @Inject
    Leases leases;

    @Inject
    SinchClient sinch;

    @Inject
    SinchSettings settings;

    @Inject
    @ConfigProperty(name = "sinch.reconcile.interval.seconds", defaultValue = "60")
    long intervalSeconds;

    @Inject
    @ConfigProperty(name = "sinch.reconcile.after.seconds", defaultValue = "600")
    long afterSeconds;

    @Inject
    @ConfigProperty(name = "sinch.reconcile.give.up.hours", defaultValue = "72")
    long giveUpHours;

    @Inject
    @ConfigProperty(name = "sinch.send.max.seconds", defaultValue = "120")
    long sendSeconds;

    @PostConstruct
    void start() {
        long interval = interval().toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig("reconciliation", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run() {
        if (!settings.canSend() || !leases.acquire(LEASE, interval().multipliedBy(3))) {
            return;
        }
        Instant started = Instant.now();
        Instant stopBy = started.plus(interval().multipliedBy(4).dividedBy(5));
        steps.resumeStalledSubmissions(started.minusSeconds(sendSeconds + intervalSeconds), PER_RUN);
        Instant giveUpBefore = started.minus(Duration.ofHours(giveUpHours));
        int unreachable = 0;
        for (DueCheck due : steps.due(started, PER_RUN)) {
            if (Instant.now().isAfter(stopBy)) {
                break;
            }
            if (due.sentAt().isBefore(giveUpBefore)) {
                steps.giveUp(due, Instant.now());
                continue;
            }
            byte[] report = null;
            try {
                report = lookUp(due);
            } catch (SinchUnreachableException e) {
                unreachable++;
            }
            steps.looked(due, report, Instant.now(), Duration.ofSeconds(afterSeconds));
        }
        if (unreachable > 0) {
            int count = unreachable;
            LOG.warning(() -> "Reconciliation could not reach Sinch for " + count + " messages; they are tried later");
        }
    }

    /** Sinch's current report for the message, as a recipient delivery report callback carries it. */
    private byte[] lookUp(DueCheck due) {
        var answer = sinch.recipientReport(due.batchId(), due.recipient().substring(1));
        return answer.isSuccess() ? answer.body().toString().getBytes(StandardCharsets.UTF_8) : null;
    }

    private Duration interval() {
        return Duration.ofSeconds(intervalSeconds);
    }
}
