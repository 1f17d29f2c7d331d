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
}
