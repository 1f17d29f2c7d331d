package dev.smstrack.sending;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smstrack.messages.Message;
import dev.smstrack.messages.Messages;
import dev.smstrack.messages.StatusLifecycle;
import dev.smstrack.simulator.SimulatedSinch;
import dev.smstrack.testing.Deployments;
import dev.smstrack.testing.MessagesApi;
import dev.smstrack.testing.ServerLog;
import dev.smstrack.testing.TestUsers;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the server: one send to 1,000 recipients, whose final reports Sinch never calls back, and a Sinch that takes
 * 20 ms for each lookup (the test server's setting). Reconciliation (every 2 s, checks due 4 s after
 * a send) must look each one up, once, and bring it to its final status, in short transactions.
 */
@ExtendWith(ArquillianExtension.class)
class ReconciliationIT {

    private static final int STUCK = 999;

    @Deployment
    static WebArchive deployment() {
        return Deployments.productWarWith(ReconciliationIT.class, ServerLog.class, MessagesApi.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    Messages messages;

    @Inject
    SimulatedSinch sinch;

    @Test
    void everyStuckMessageIsLookedUpOnceAndReachesItsFinalStatus() throws Exception {
        long logEnd = ServerLog.end();
        List<String> recipients = IntStream.range(0, STUCK)
                .mapToObj(i -> "+4670910" + String.format("%04d", i))
                .collect(Collectors.toList());
        recipients.add("+46700000405"); // in its batch, no final status is called back
        String body =
                "{\"to\":" + recipients.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(",", "[", "]"))
                        + ",\"body\":\"lost reports\"}";
        String requestId = MessagesApi.send(base, TestUsers.OPS, body);

        long started = System.nanoTime();
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> messages.withClientReference(requestId).stream()
                        .allMatch(message -> StatusLifecycle.isFinal(message.status())));
        long seconds = (System.nanoTime() - started) / 1_000_000_000;

        List<Message> sent = messages.withClientReference(requestId);
        assertEquals(STUCK + 1, sent.size());
        for (Message message : sent) {
            int lookups = sinch.lookupsOf(message.batchId(), message.recipient().substring(1));
            assertEquals(1, lookups, message.recipient() + " was looked up " + lookups + " times");
            assertTrue(List.of("Delivered", "Failed", "Expired").contains(message.status()), message.status());
        }
        var trouble = ServerLog.linesSince(logEnd).stream()
                .filter(line -> line.contains("ARJUNA") || line.contains("WFLYEJB0043") || line.contains(" ERROR "))
                .toList();
        assertEquals(List.of(), trouble, "no transaction timeout, no overlapping run, no error");
        System.out.println(
                "Reconciliation brought " + sent.size() + " messages to a final status in " + seconds + " s");
    }
}
