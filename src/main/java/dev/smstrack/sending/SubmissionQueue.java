package dev.smstrack.sending;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.time.Duration;

/**
 * Submissions waiting for their next attempt, as persistent JMS messages delivered after a delay:
 * the retry schedule lives in the broker, not in a thread, and survives a restart.
 */
@Stateless
@PermitAll
public class SubmissionQueue {

    public static final String QUEUE = "java:/jms/queue/SmsTrackerSubmissions";
    static final String ATTEMPT = "attempt";
    static final String RESUMED = "resumed";

    @Inject
    JMSContext jms;

    @Resource(lookup = QUEUE)
    Queue submissions;

    public void schedule(String submissionId, int attempt, Duration delay) {
        jms.createProducer()
                .setDeliveryDelay(delay.toMillis())
                .setProperty(ATTEMPT, attempt)
                .send(submissions, submissionId);
    }

    /**
     * Queues again a request whose queue entry was lost: its attempt looks Sinch up first, since an
     * earlier one may have reached it before its node died.
     */
    public void resume(String submissionId, int attempt) {
        jms.createProducer()
                .setProperty(ATTEMPT, attempt)
                .setProperty(RESUMED, true)
                .send(submissions, submissionId);
    }
}
