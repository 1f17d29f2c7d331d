package dev.smstrack.sending;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smstrack.testing.Deployments;
import dev.smstrack.testing.TestUsers;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The remote EJB, called by a separate plain Java client process, as another application would. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RemoteSendingIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    @ArquillianResource
    URL base;

    @Test
    void aRemoteClientSendsAndTheMessageIsDelivered() throws Exception {
        List<String> output = runClient(TestUsers.SENDER, "+46701110077", "Hello from a remote client");
        assertTrue(output.get(0).startsWith("REQUEST "), output.toString());
        String[] message = output.get(1).split(" ");
        assertEquals(
                List.of("MESSAGE", "+46701110077", "PENDING", "GSM", "1"),
                List.of(message[0], message[2], message[3], message[4], message[5]));

        URI uri = base.toURI().resolve("/api/messages/" + message[1]);
        var http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> Json.createReader(new StringReader(http.send(
                                                HttpRequest.newBuilder(uri)
                                                        .header("Authorization", TestUsers.OPS.basic())
                                                        .build(),
                                                HttpResponse.BodyHandlers.ofString())
                                        .body()))
                                .readObject()
                                .getString("status"),
                        status -> List.of("Delivered", "Failed", "Expired").contains(status));
    }

    @Test
    void aRemoteClientLearnsWhichFieldIsWrong() throws Exception {
        List<String> output = runClient(TestUsers.SENDER, "0701234567", "bad number");
        assertEquals(1, output.size(), output.toString());
        assertTrue(output.get(0).startsWith("INVALID to "), output.toString());
    }

    /** An application user without sms-sender, and a local process with no credentials at all, send nothing. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = TestUsers.class,
            names = {"READER", "OPERATOR", "NOBODY"})
    void aCallerWithoutTheSenderRoleIsDenied(TestUsers user) throws Exception {
        List<String> output = runClient(user, "+46701110078", "not allowed");
        assertEquals(1, output.size(), output.toString());
        assertTrue(output.get(0).startsWith("DENIED "), output.toString());
    }

    @Test
    void aLocalProcessWithoutCredentialsIsDenied() throws Exception {
        List<String> output = runClient(null, "+46701110079", "no silent local bypass");
        assertEquals(1, output.size(), output.toString());
        assertTrue(output.get(0).startsWith("DENIED "), output.toString());
    }

    private static List<String> runClient(TestUsers user, String... arguments) throws Exception {
        return RemoteSendClient.runAs(user, arguments);
    }
}
