package dev.smstrack.operations;

import static dev.smstrack.testing.SignedCallbacks.newBatchId;
import static dev.smstrack.testing.SignedCallbacks.recipientReport;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.smstrack.testing.Deployments;
import dev.smstrack.testing.ServerLog;
import dev.smstrack.testing.SignedCallbacks;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The one-command switch to JSON logs, run as an operator runs it, and back. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LogFormatIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    @ArquillianResource
    URL base;

    @Test
    void logsOneJsonObjectALineWithTheRequestIdAfterTheSwitch() throws Exception {
        cli("wildfly-config/logs-as-json.cli");
        try {
            long logEnd = ServerLog.end();
            Thread.sleep(1100); // the refusal log writes a line a second for each failed check
            String body = recipientReport(newBatchId(), "46701234567", "Delivered", 0, "2026-01-02T03:04:05.678Z");
            var unsigned = new SignedCallbacks(base.toURI())
                    .post(body, Map.of("Authorization", SignedCallbacks.BASIC, "X-Request-Id", "json-log-check"));
            assertEquals(401, unsigned.statusCode());
            JsonObject line = await().atMost(Duration.ofSeconds(10))
                    .until(() -> refusalLogged(logEnd), Optional::isPresent)
                    .orElseThrow();
            assertEquals("WARNING", line.getString("level"), "java.util.logging's name, as the product logs");
            assertEquals("json-log-check", line.getJsonObject("mdc").getString("requestId"));
            assertEquals("sms-tracker", line.getString("service"), "the meta-data of sms-tracker.cli");
        } finally {
            cli("wildfly-config/logs-as-text.cli");
        }
    }

    private static Optional<JsonObject> refusalLogged(long logEnd) throws Exception {
        return ServerLog.linesSince(logEnd).stream()
                .filter(line -> line.startsWith("{") && line.contains("Refused a callback"))
                .map(line -> Json.createReader(new StringReader(line)).readObject())
                .findFirst();
    }

    private static void cli(String script) throws Exception {
        var cli = new ProcessBuilder(
                        System.getProperty("server.dir") + "/bin/jboss-cli.sh", "--connect", "--file=" + script)
                .redirectErrorStream(true)
                .start();
        String output = new String(cli.getInputStream().readAllBytes());
        assertEquals(0, cli.waitFor(), script + ": " + output);
    }
}
