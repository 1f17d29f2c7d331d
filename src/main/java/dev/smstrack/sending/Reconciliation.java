package dev.smstrack.sending;

import dev.smstrack.callbacks.CallbackQueue;
import dev.smstrack.callbacks.QueuedCallback;
import dev.smstrack.messages.Message;
import dev.smstrack.messages.Messages;
import dev.smstrack.messages.StatusLifecycle;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Catches up with what callbacks did not tell: asks Sinch for the report of every message still
 * without a final status after a while, and hands the answer to the callback queue, where it is
 * applied (and deduplicated) like any callback. Gives a message up as TIMED_OUT after a longer
 * while, and resumes submissions whose scheduled attempt was lost.
 */
@Singleton
@Startup
@PermitAll
public class Reconciliation {

    private static final Logger LOG = Logger.getLogger(Reconciliation.class.getName());
    private static final int PER_RUN = 200;

    @Resource
    TimerService timers;

    @Inject
    Messages messages;

    @Inject
    Submissions submissions;

    @Inject
    SubmissionQueue submissionQueue;

    @Inject
    CallbackQueue callbacks;

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
        long interval = Duration.ofSeconds(intervalSeconds).toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig("reconciliation", false));
    }

    @Timeout
    void run() {
        if (!settings.canSend()) {
            return;
        }
        Instant now = Instant.now();
        resumeStalledSubmissions(now);
        Instant giveUpBefore = now.minus(Duration.ofHours(giveUpHours));
        for (Message message : messages.awaitingReports(now.minusSeconds(afterSeconds), PER_RUN)) {
            if (message.createdAt().isBefore(giveUpBefore)) {
                messages.lock(message.id()).report(StatusLifecycle.TIMED_OUT, null, now);
            } else {
                askSinch(message);
            }
        }
    }

    private void askSinch(Message message) {
        try {
            var answer =
                    sinch.recipientReport(message.batchId(), message.recipient().substring(1));
            if (answer.isSuccess()) {
                byte[] report = answer.body().toString().getBytes(StandardCharsets.UTF_8);
                callbacks.enqueue(
                        QueuedCallback.unsigned(report, Instant.now(), "recipient_delivery_report_sms"),
                        message.batchId() + "/" + message.recipient());
            }
        } catch (SinchUnreachableException e) {
            LOG.warning(() -> "Reconciliation could not reach Sinch: " + e.getMessage());
        }
    }

    private void resumeStalledSubmissions(Instant now) {
        Instant stalledBefore = now.minusSeconds(sendSeconds + intervalSeconds);
        for (Submission stalled : submissions.stalled(stalledBefore, PER_RUN)) {
            submissionQueue.schedule(stalled.id(), stalled.attempts() + 1, Duration.ZERO);
        }
    }
}
