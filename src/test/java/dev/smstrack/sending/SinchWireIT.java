package dev.smstrack.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.smstrack.operations.Meters;
import dev.smstrack.sending.api.DryRunResult;
import dev.smstrack.sending.api.SendOptions;
import dev.smstrack.simulator.TestSimulatorSettings;
import dev.smstrack.testing.Deployments;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the product puts on the wire for the SMS API's send options, cancel, dry run and delivery
 * feedback, as a fake Sinch receives it over a real socket from the server's own HTTP client; and
 * how it reads Sinch's answers, as the wire format gives them.
 */
@ExtendWith(ArquillianExtension.class)
class SinchWireIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.productWarWith(SinchWireIT.class, FakeSinchServlet.class, TestSimulatorSettings.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    Meters meters;

    private SinchHttp http;
    private SinchClient client;

    @BeforeEach
    void servicePlanModeAgainstTheFake() {
        var settings = new SinchSettings();
        settings.simulator = TestSimulatorSettings.enabled(false);
        settings.servicePlanId = Optional.of("plan");
        settings.apiToken = Optional.of("api-token");
        settings.projectId = Optional.empty();
        settings.keyId = Optional.empty();
        settings.keySecret = Optional.empty();
        settings.baseUrl = Optional.of(base.toString().replaceAll("/$", "") + "/fake-sinch");
        settings.timeoutSeconds = 5;
        settings.decideMode();
        http = new SinchHttp();
        http.settings = settings;
        http.open();
        client = new SinchClient();
        client.meters = meters;
        client.settings = settings;
        client.http = http;
    }

    @AfterEach
    void close() {
        http.close();
        FakeSinchServlet.reset(true, List.of());
    }

    @Test
    void aBatchCarriesEveryOptionAsSinchNamesIt() {
        FakeSinchServlet.script(201, "{\"id\":\"01WIRE\"}");
        Map<String, Map<String, String>> parameters = new LinkedHashMap<>();
        parameters.put("name", Map.of("default", "there"));
        var options = SendOptions.NONE
                .withSendAt(Instant.parse("2030-01-02T03:04:05.006Z"))
                .withExpireAt(Instant.parse("2030-01-03T00:00:00Z"))
                .withParameters(parameters)
                .withFlash(true)
                .withMaxParts(3)
                .withFeedbackEnabled(true);

        client.createBatch(new BatchRequest(
                List.of("+46701234567"), "ACME", "Hi ${name}", "per_recipient", "ref-1", Optional.empty(), options));

        assertEquals(
                List.of(
                        "POST /xms/v1/plan/batches {\"to\":[\"+46701234567\"],\"from\":\"ACME\",\"body\":\"Hi ${name}\","
                                + "\"delivery_report\":\"per_recipient\",\"client_reference\":\"ref-1\","
                                + "\"send_at\":\"2030-01-02T03:04:05.006Z\",\"expire_at\":\"2030-01-03T00:00:00.000Z\","
                                + "\"parameters\":{\"name\":{\"default\":\"there\"}},\"flash_message\":true,"
                                + "\"max_number_of_message_parts\":3,\"feedback_enabled\":true}"),
                FakeSinchServlet.calls);
    }

    @Test
    void aBatchWithoutOptionsIsTheBatchItAlwaysWas() {
        FakeSinchServlet.script(201, "{\"id\":\"01WIRE\"}");
        client.createBatch(new BatchRequest(
                List.of("+46701234567"), "ACME", "Hi", "none", "ref-2", Optional.empty(), SendOptions.NONE));
        assertEquals(
                List.of("POST /xms/v1/plan/batches {\"to\":[\"+46701234567\"],\"from\":\"ACME\",\"body\":\"Hi\","
                        + "\"delivery_report\":\"none\",\"client_reference\":\"ref-2\"}"),
                FakeSinchServlet.calls);
    }

    /** The wire format's own example answer, read as the product shows it. */
    @Test
    void aDryRunAsksPerRecipientAndReadsSinchsAnswer() {
        FakeSinchServlet.script(
                200,
                "{\"number_of_recipients\": 3, \"number_of_messages\": 3, \"per_recipient\": [{\"recipient\":"
                        + " \"12017777777\", \"number_of_parts\": 1, \"body\": \"Hello John!\", \"encoding\": \"text\"}]}");

        SinchAnswer answer = client.dryRun(new BatchRequest(
                List.of("+12017777777", "+12017777778", "+12017777779"),
                "ACME",
                "Hello ${name}!",
                "none",
                null,
                Optional.empty(),
                SendOptions.NONE));

        assertEquals(
                "POST /xms/v1/plan/batches/dry_run?per_recipient=true&number_of_recipients=3",
                FakeSinchServlet.calls
                        .get(0)
                        .substring(0, FakeSinchServlet.calls.get(0).indexOf(" {")));
        assertEquals(
                new DryRunResult(3, 3, List.of(new DryRunResult.Recipient("+12017777777", "Hello John!", "GSM", 1))),
                DryRun.resultOf(answer.body()));
    }

    @Test
    void aCancelDeletesTheBatch() {
        FakeSinchServlet.script(200, "{\"id\":\"01WIRE\",\"canceled\":true}");
        SinchAnswer answer = client.cancelBatch("01WIRE");
        assertEquals(List.of("DELETE /xms/v1/plan/batches/01WIRE"), FakeSinchServlet.calls);
        assertEquals(true, answer.body().getBoolean("canceled"));
    }

    @Test
    void feedbackNamesTheRecipients() {
        FakeSinchServlet.script(202, "");
        SinchAnswer answer = client.deliveryFeedback("01WIRE", List.of("+46701234567"));
        assertEquals(202, answer.status());
        assertEquals(
                List.of("POST /xms/v1/plan/batches/01WIRE/delivery_feedback {\"recipients\":[\"+46701234567\"]}"),
                FakeSinchServlet.calls);
    }
}
