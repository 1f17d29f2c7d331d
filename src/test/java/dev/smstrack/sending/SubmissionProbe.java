package dev.smstrack.sending;

import dev.smstrack.messages.Message;
import dev.smstrack.messages.Messages;
import dev.smstrack.messages.SmsEncoding;
import dev.smstrack.sending.api.SendOptions;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Test-only bean that leaves a send request as a node that died during an attempt leaves it. */
@Stateless
public class SubmissionProbe {

    /** The queue delivery of the attempt that a dead node had claimed. */
    public static final String DEAD_NODES_DELIVERY = "the dead node's delivery";

    @PersistenceContext
    EntityManager em;

    @Inject
    Messages messages;

    /**
     * A PENDING request to the recipient whose first attempt had started (and committed that it had)
     * when its node died; its queue entry is not scheduled here. Returns its id.
     */
    public String pendingAfterAnInterruptedFirstAttempt(String recipient, String body) {
        var encoding = SmsEncoding.of(body);
        var submission =
                new Submission(null, "it-sender", "SIMULATOR", "per_recipient", body, encoding, SendOptions.NONE);
        submission.attempted(1, null);
        // Its claim is still recorded, its lease long run out: the node died during the call.
        submission.claimed(DEAD_NODES_DELIVERY, java.time.Instant.now().minusSeconds(1));
        em.persist(submission);
        em.flush();
        messages.store(new Message(recipient, submission.id(), encoding.name(), encoding.parts()));
        return submission.id();
    }

    /** The lease of the attempt under way runs out, as when its node died long ago. */
    public void leaseRunsOut(String submissionId) {
        em.createQuery("UPDATE Submission s SET s.attemptLeaseUntil = :past WHERE s.id = :id")
                .setParameter("past", java.time.Instant.now().minusSeconds(1))
                .setParameter("id", submissionId)
                .executeUpdate();
    }

    /** A PENDING request with these options, after {@code attempts} attempts; none is queued. */
    public String pending(String recipient, String body, SendOptions options, int attempts) {
        var encoding = SmsEncoding.of(body);
        var submission = new Submission(null, "it-sender", "SIMULATOR", "per_recipient", body, encoding, options);
        if (attempts > 0) {
            submission.attempted(attempts, null);
        }
        em.persist(submission);
        em.flush();
        messages.store(new Message(recipient, submission.id(), encoding.name(), encoding.parts()));
        return submission.id();
    }

    /** The options as stored now: parameters only while they are needed. */
    public SendOptions storedOptions(String submissionId) {
        return em.find(Submission.class, submissionId).options();
    }

    /** The request was created this long ago: its queue entry, say, lost in a crash since. */
    public void createdAgo(String submissionId, java.time.Duration ago) {
        em.createQuery("UPDATE Submission s SET s.createdAt = :then WHERE s.id = :id")
                .setParameter("then", java.time.Instant.now().minus(ago))
                .setParameter("id", submissionId)
                .executeUpdate();
    }
}
