package dev.smstrack.operations;

import dev.smstrack.callbacks.BrokerRefusals;
import dev.smstrack.callbacks.CallbackQueue;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while this node's broker takes callbacks and its consumer keeps up: the callback queue can be
 * read, the broker refused no callback in the last {@value #REFUSAL_MEMORY_SECONDS} seconds (its
 * budget or disk was full), and the oldest callback waiting was queued at most
 * {@code SMS_TRACKER_READINESS_MAX_LAG_SECONDS} ago (default 300).
 */
@Readiness
@ApplicationScoped
public class CallbackQueueReadiness implements HealthCheck {

    static final int REFUSAL_MEMORY_SECONDS = 10;

    /** The server's plain in-VM factory: a health check runs outside any transaction or request. */
    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory connections;

    @Resource(lookup = CallbackQueue.QUEUE)
    Queue queue;

    @Inject
    BrokerRefusals refusals;

    @Inject
    @ConfigProperty(name = "sms-tracker.readiness.max.lag.seconds", defaultValue = "300")
    long maxLagSeconds;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("callback-queue");
        try (var jms = connections.createContext();
                var browser = jms.createBrowser(queue)) {
            var waiting = browser.getEnumeration();
            long lagSeconds = waiting.hasMoreElements()
                    ? Math.max(
                            0,
                            (System.currentTimeMillis() - ((Message) waiting.nextElement()).getJMSTimestamp()) / 1000)
                    : 0;
            boolean refusing = refusals.refusedWithin(Duration.ofSeconds(REFUSAL_MEMORY_SECONDS));
            return response.status(!refusing && lagSeconds <= maxLagSeconds)
                    .withData("oldest waiting, seconds", lagSeconds)
                    .withData("most lag, seconds", maxLagSeconds)
                    .withData("refusing callbacks", refusing)
                    .build();
        } catch (JMSRuntimeException | JMSException e) {
            return response.down()
                    .withData("unreachable", e.getClass().getSimpleName())
                    .build();
        }
    }
}
