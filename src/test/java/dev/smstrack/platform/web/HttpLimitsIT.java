package dev.smstrack.platform.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smstrack.testing.Deployments;
import dev.smstrack.testing.TestUsers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The listener's limits (wildfly-config/sms-tracker.cli), as a slow or greedy client meets them:
 * headers that take longer than 10 s, a body not whole 20 s after its headers (NonBlockingBodyReader),
 * and a body over 4 MiB each end
 * the request, so that they cannot hold a request thread.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HttpLimitsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    @ArquillianResource
    URL base;

    @Test
    void slowHeadersAndAStalledBodyAreCutOff() throws Exception {
        var slowHeaders = CompletableFuture.supplyAsync(
                () -> closedAfter("POST /api/sinch/callbacks HTTP/1.1\r\nHost: localhost\r\nContent-Type: appli"));
        var stalledBody = CompletableFuture.supplyAsync(() -> closedAfter("POST /api/messages HTTP/1.1\r\n"
                + "Host: localhost\r\nAuthorization: " + TestUsers.SENDER.basic() + "\r\n"
                + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"to\":[\"+4670"));

        long headers = slowHeaders.get().seconds();
        var body = stalledBody.get();

        assertTrue(headers >= 9 && headers <= 20, "slow headers were cut off after " + headers + " s");
        assertTrue(body.seconds() >= 19 && body.seconds() <= 25, "a stalled body was cut off after " + body + " s");
        // 503, which Sinch retries, where a 408 would make it drop a genuine callback for good.
        assertTrue(body.answer().startsWith("HTTP/1.1 503"), body.answer());
        assertTrue(body.answer().contains("Retry-After: 5"), body.answer());
    }

    @Test
    void aBodyOverFourMebibytesIsRefusedBeforeItIsRead() throws Exception {
        try (var socket = connect()) {
            socket.getOutputStream()
                    .write(("POST /api/messages HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                                    + TestUsers.SENDER.basic() + "\r\nContent-Type: application/json\r\n"
                                    + "Content-Length: " + (4 * 1024 * 1024 + 1) + "\r\n\r\n{")
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = readAll(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        }
    }

    private record Closed(long seconds, String answer) {}

    /** Sends the start of a request, then nothing; returns when the server closed the connection. */
    private Closed closedAfter(String start) {
        long began = System.nanoTime();
        String answer = "";
        try (var socket = connect()) {
            socket.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            answer = readAll(socket.getInputStream());
        } catch (IOException closed) {
            // reset by the server: closed all the same
        }
        return new Closed(Duration.ofNanos(System.nanoTime() - began).toSeconds(), answer);
    }

    private Socket connect() throws IOException {
        var socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(60_000);
        return socket;
    }

    private static String readAll(InputStream in) throws IOException {
        var read = new ByteArrayOutputStream();
        try {
            in.transferTo(read);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the connection open for a minute", e);
        }
        return read.toString(StandardCharsets.ISO_8859_1);
    }
}
