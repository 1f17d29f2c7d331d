package dev.smstrack.sending;

import dev.smstrack.messages.Message;
import dev.smstrack.messages.Messages;
import dev.smstrack.messages.SmsEncoding;
import dev.smstrack.sending.api.SendOptions;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Test-only bean that leaves a send request as a node that died during its first attempt leaves it. */
@Stateless
public class SubmissionProbe {

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
        em.persist(submission);
        em.flush();
        messages.store(new Message(recipient, submission.id(), encoding.name(), encoding.parts()));
        return submission.id();
    }
}
