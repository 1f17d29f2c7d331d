package dev.smstrack.sending;

import dev.smstrack.security.Roles;
import dev.smstrack.sending.SendValidation.ValidRequest;
import dev.smstrack.sending.api.DryRunResult;
import dev.smstrack.sending.api.InvalidSendRequestException;
import dev.smstrack.sending.api.SendRequest;
import dev.smstrack.sending.api.SendResult;
import dev.smstrack.sending.api.SendingUnavailableException;
import dev.smstrack.sending.api.SmsSending;
import dev.smstrack.sending.api.SmsSendingLocal;
import dev.smstrack.sending.guard.SendingGuard;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The EJB other applications call to send SMS (remote and local views), and behind the REST
 * endpoint. Idempotent per caller and client reference: a repeated request returns the first one's
 * result (and costs nothing of the caller's allowance), another request under the same key is a
 * conflict. The sending guard admits each new request first. Cancel, dry run and delivery feedback
 * call Sinch with no transaction open: their database steps are short transactions of their own.
 */
@Stateless
@RolesAllowed(Roles.SENDER)
@DeclareRoles({Roles.SENDER, Roles.READER, Roles.OPERATOR})
public class SmsSender implements SmsSending, SmsSendingLocal {

    @Inject
    Submissions submissions;

    @Inject
    SinchSettings settings;

    @Inject
    SendingGuard guard;

    @Inject
    Cancellation cancellation;

    @Inject
    DryRun dryRun;

    @Inject
    DeliveryFeedback feedback;

    @Resource
    SessionContext session;

    @Inject
    @ConfigProperty(name = "retention.days", defaultValue = "90")
    long retentionDays;

    private static final Duration LONGEST_SCHEDULE = Duration.ofDays(30);

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SendResult send(SendRequest request) throws InvalidSendRequestException {
        var valid = validated(request);
        var key = IdempotencyKey.of(caller(), valid);
        if (key != null) {
            var earlier = submissions.forKey(key);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        var taken = guard.admit(caller(), valid.to(), valid.from(), settings.from());
        try {
            return submissions.create(valid, key, caller());
        } catch (EJBException failed) {
            // Nothing of this call is stored: what it took from the caller's allowance goes back.
            guard.giveBack(taken);
            if (refusedByTheBroker(failed)) {
                // Rolled back with its messages: nothing is stored as sent.
                throw new SendingUnavailableException("the message broker did not take the request");
            }
            // Another call with the same key committed first: its result is the answer.
            if (key == null) {
                throw failed;
            }
            return submissions.forKey(key).orElseThrow(() -> failed);
        }
    }

    @Override
    @RolesAllowed({Roles.SENDER, Roles.OPERATOR})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SendResult cancel(String requestId) {
        // A sender cancels its own requests; an operator any.
        cancellation.cancel(requestId, caller(), session.isCallerInRole(Roles.OPERATOR));
        return submissions.find(requestId).orElseThrow();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public DryRunResult dryRun(SendRequest request) throws InvalidSendRequestException {
        var valid = validated(request);
        // Counted against the caller's rate (not its daily quota): a leaked password cannot spend
        // Sinch's own rate limit on dry runs and starve real sends.
        guard.admitDryRun(caller(), valid.to(), valid.from(), settings.from());
        return dryRun.of(valid);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Instant deliveryFeedback(String messageId) {
        return feedback.give(messageId, caller());
    }

    /** The request checked, with its defaults; only where Sinch is configured. */
    private ValidRequest validated(SendRequest request) throws InvalidSendRequestException {
        if (!settings.canSend()) {
            throw new SendingUnavailableException("Sinch is not configured");
        }
        Instant now = Instant.now();
        return SendValidation.check(
                request, settings.from(), settings.deliveryReport(), now, now.plus(longestSchedule()));
    }

    /**
     * How far ahead a send may be scheduled: 30 days, and within the retention period, so that its
     * request and messages are still kept when Sinch sends it.
     */
    private Duration longestSchedule() {
        Duration kept = Duration.ofDays(retentionDays).minusDays(1);
        return kept.compareTo(LONGEST_SCHEDULE) < 0 ? kept : LONGEST_SCHEDULE;
    }

    /** The broker refused the first attempt's message (its budget spent, its disk full) at commit. */
    private static boolean refusedByTheBroker(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JMSException || cause instanceof JMSRuntimeException) {
                return true;
            }
        }
        return false;
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
