package dev.smstrack.callbacks;

import static dev.smstrack.testing.SignedCallbacks.newBatchId;
import static dev.smstrack.testing.SignedCallbacks.recipientReport;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smstrack.testing.Deployments;
import dev.smstrack.testing.ServerLog;
import dev.smstrack.testing.SignedCallbacks;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * When the broker cannot take a callback, Sinch gets 503 and retries; nothing accepted is lost.
 * The broker is made to refuse for real: the queue is paused and its address limited to one message
 * with the FAIL policy, through the server's management API.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrokerRefusalIT {

    private static final String SERVER = "/subsystem=messaging-activemq/server=default";
    private static final String QUEUE = SERVER + "/jms-queue=SmsTrackerCallbacks";
    private static final String LIMITS = SERVER + "/address-setting=jms.queue.SmsTrackerCallbacks";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    @ArquillianResource
    URL base;

    @ArquillianResource
    ManagementClient management;

    @Test
    void answers503WhileTheBrokerRefusesAndLosesNothingAccepted() throws Exception {
        var sinch = new SignedCallbacks(base.toURI());
        String accepted = newBatchId();
        String refused = newBatchId();
        String refusedBody = recipientReport(refused, "46701234567", "Delivered", 0, "2026-01-02T03:04:05.678Z");

        execute(QUEUE, "pause");
        String maxSize = write(LIMITS, "max-size-bytes", "1");
        String policy = write(LIMITS, "address-full-policy", "FAIL");
        try {
            var first =
                    sinch.post(recipientReport(accepted, "46701234567", "Delivered", 0, "2026-01-02T03:04:05.678Z"));
            assertEquals(200, first.statusCode(), first.body());

            long logEnd = ServerLog.end();
            long before = System.nanoTime();
            var second = sinch.post(refusedBody);
            long millis = (System.nanoTime() - before) / 1_000_000;
            assertEquals(503, second.statusCode(), second.body());
            assertTrue(millis < 1000, "refused within a second, not after " + millis + " ms");
            assertEquals("5", second.headers().firstValue("Retry-After").orElse(null));
            // The warning names the request, the callback and its batch (the log context of intake).
            String requestId = second.headers().firstValue("X-Request-Id").orElseThrow();
            String line = await().atMost(Duration.ofSeconds(10))
                    .until(
                            () -> ServerLog.linesSince(logEnd).stream()
                                    .filter(each -> each.contains("Answering 503"))
                                    .findFirst()
                                    .orElse(""),
                            found -> !found.isEmpty());
            assertTrue(
                    line.matches(".*" + requestId + " [0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f-]{17} " + refused
                            + " .*"),
                    line);
        } finally {
            write(LIMITS, "address-full-policy", policy);
            write(LIMITS, "max-size-bytes", maxSize);
            execute(QUEUE, "resume");
        }

        // Sinch retries until accepted; the broker may take a moment to lift the limit.
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    int status = sinch.post(refusedBody).statusCode();
                    assertTrue(status == 200 || status == 503, "only 200 or 503, got " + status);
                    return status == 200;
                });
        for (String batchId : new String[] {accepted, refused}) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> sinch.getJson("api/status-events?batchId=" + batchId)
                                    .getInt("total")
                            == 1);
        }
    }

    private ModelNode execute(String address, String operation) throws IOException {
        var request = new ModelNode();
        request.get("address").set(parse(address));
        request.get("operation").set(operation);
        return check(management.getControllerClient().execute(request));
    }

    /** Writes the attribute and returns its previous value. */
    private String write(String address, String attribute, String value) throws IOException {
        var read = new ModelNode();
        read.get("address").set(parse(address));
        read.get("operation").set("read-attribute");
        read.get("name").set(attribute);
        String previous = check(management.getControllerClient().execute(read)).asString();

        var request = new ModelNode();
        request.get("address").set(parse(address));
        request.get("operation").set("write-attribute");
        request.get("name").set(attribute);
        request.get("value").set(value);
        check(management.getControllerClient().execute(request));
        return previous;
    }

    private static ModelNode parse(String address) {
        var path = new ModelNode().setEmptyList();
        for (String element : address.substring(1).split("/")) {
            String[] pair = element.split("=", 2);
            path.add(pair[0], pair[1]);
        }
        return path;
    }

    private static ModelNode check(ModelNode outcome) {
        if (!"success".equals(outcome.get("outcome").asString())) {
            throw new IllegalStateException(outcome.toString());
        }
        return outcome.get("result");
    }
}
