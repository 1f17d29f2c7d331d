package dev.smstrack.sending;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smstrack.messages.Message;
import dev.smstrack.messages.Messages;
import dev.smstrack.messages.StatusLifecycle;
import dev.smstrack.simulator.SimulatedSinch;
import dev.smstrack.statusevents.StatusEvent;
import dev.smstrack.statusevents.StatusEvents;
import dev.smstrack.testing.Deployments;
import dev.smstrack.testing.MessagesApi;
import dev.smstrack.testing.TestUsers;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the server: sends whose delivery reports come as one batch report (simulator → callback
 * endpoint's intake → consumer → messages). A full report names each recipient's status; a summary
 * only counts them, and is applied where unambiguous, else makes reconciliation look the messages up
 * at once. Either way no message waits for its regular check.
 */
@ExtendWith(ArquillianExtension.class)
class BatchReportsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.productWarWith(BatchReportsIT.class, MessagesApi.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    Messages messages;

    @Inject
    StatusEvents events;

    @Inject
    SimulatedSinch sinch;

    @Test
    void aFullReportGivesEachMessageItsStatus() throws Exception {
        List<Message> sent = sendAndAwaitFinal("full");
        for (Message message : sent) {
            assertEquals(
                    0, sinch.lookupsOf(message.batchId(), message.recipient().substring(1)), "no lookup needed");
            assertTrue(
                    historyOf(message).contains(message.status()),
                    historyOf(message).toString());
        }
    }

    @Test
    void aSummaryIsAppliedWhereUnambiguousAndLooksTheRestUp() throws Exception {
        for (Message message : sendAndAwaitFinal("summary")) {
            boolean fromSummary = events.ofMessage(message.id()).stream()
                    .anyMatch(event -> "from a summary report".equals(event.reason()));
            int lookups = sinch.lookupsOf(message.batchId(), message.recipient().substring(1));
            assertTrue(fromSummary || lookups > 0, message.recipient() + ": neither applied nor looked up");
        }
    }

    private List<Message> sendAndAwaitFinal(String deliveryReport) throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 4).replaceAll("[^0-9]", "1");
        String body = "{\"to\":[\"+4670920" + tag + "1\",\"+4670920" + tag + "2\",\"+4670920" + tag
                + "3\"],\"body\":\"batch report\",\"deliveryReport\":\"" + deliveryReport + "\"}";
        String requestId = MessagesApi.send(base, TestUsers.SENDER, body);
        // Within the 4 s after which the test server's reconciliation would look them up anyway.
        await().atMost(Duration.ofSeconds(4)).until(() -> messages.withClientReference(requestId).stream()
                .allMatch(message -> StatusLifecycle.isFinal(message.status())));
        return messages.withClientReference(requestId);
    }

    private List<String> historyOf(Message message) {
        return events.ofMessage(message.id()).stream().map(StatusEvent::status).toList();
    }
}
