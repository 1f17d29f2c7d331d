package dev.smstrack.sending;

import dev.smstrack.messages.Message;
import dev.smstrack.messages.Messages;
import dev.smstrack.messages.StatusLifecycle;
import dev.smstrack.platform.PhoneNumbers;
import dev.smstrack.sending.api.NotPossibleNowException;
import dev.smstrack.sending.api.UnknownIdException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Set;

/** The database side of delivery feedback, in short transactions around Sinch's call. */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class FeedbackSteps {

    @PersistenceContext
    EntityManager em;

    @Inject
    Messages messages;

    /** Our own statuses of a message Sinch has not sent (yet, or ever). */
    private static final Set<String> NOT_SENT = Set.of(
            StatusLifecycle.PENDING,
            StatusLifecycle.SCHEDULED,
            StatusLifecycle.CANCELLED,
            StatusLifecycle.REJECTED,
            StatusLifecycle.FAILED_TO_SUBMIT);

    /** The message's batch and recipient as Sinch knows them; only its sender may give feedback. */
    public record Target(String batchId, String recipient) {}

    public Target targetOf(String messageId, String caller) {
        Message message = messages.find(messageId).orElseThrow(() -> new UnknownIdException("message", messageId));
        Submission submission =
                message.clientReference() == null ? null : em.find(Submission.class, message.clientReference());
        if (submission == null || !caller.equals(submission.requestedBy())) {
            throw new UnknownIdException("message", messageId);
        }
        if (!submission.feedbackEnabled()) {
            throw new NotPossibleNowException(
                    "message " + messageId + " was sent without feedbackEnabled: Sinch takes no feedback for it");
        }
        if (message.batchId() == null || NOT_SENT.contains(message.status())) {
            throw new NotPossibleNowException(
                    "message " + messageId + " is " + message.status() + ": Sinch has not sent it");
        }
        if (!PhoneNumbers.isE164(message.recipient())) {
            throw new NotPossibleNowException("message " + messageId + "'s recipient was erased");
        }
        return new Target(message.batchId(), message.recipient());
    }

    public void given(String messageId, Instant at) {
        messages.lock(messageId).feedbackGiven(at);
    }
}
