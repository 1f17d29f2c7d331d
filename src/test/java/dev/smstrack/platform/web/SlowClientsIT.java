package dev.smstrack.platform.web;

import static dev.smstrack.testing.SignedCallbacks.newBatchId;
import static dev.smstrack.testing.SignedCallbacks.recipientReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smstrack.testing.Deployments;
import dev.smstrack.testing.SignedCallbacks;
import dev.smstrack.testing.TestUsers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 300 uploads that trickle a byte every 5 s, more than the server has request threads, half to the
 * callback URL (with well-formed signature headers) and half to {@code POST /api/messages} (logged
 * in): while they are open, a genuine callback and an API read each answer within 2 s, and each
 * trickling connection is closed within 30 s of its start.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SlowClientsIT {

    private static final int CONNECTIONS = 300;
    private static final Duration TRICKLE = Duration.ofSeconds(5);
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);
    private static final Duration CLOSED_WITHIN = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    @ArquillianResource
    URL base;

    @Test
    void tricklingUploadsHoldNothingThatOthersNeed() throws Exception {
        var uploads = new ArrayList<Upload>();
        for (int i = 0; i < CONNECTIONS; i++) {
            uploads.add(Upload.start(base, i % 2 == 0 ? callbackHeaders() : sendHeaders()));
        }
        var sinch = new SignedCallbacks(base.toURI());
        var http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + CLOSED_WITHIN.plusSeconds(5).toNanos();
        long nextProbe = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        int probes = 0;
        while (System.nanoTime() < deadline && uploads.stream().anyMatch(Upload::open)) {
            for (var upload : uploads) {
                upload.trickle();
            }
            if (probes < 3 && System.nanoTime() >= nextProbe) {
                assertEquals(0, uploads.stream().filter(u -> !u.open()).count(), "uploads closed before the probe");
                probeCallback(sinch);
                probeApiRead(http);
                probes++;
                nextProbe = System.nanoTime() + TRICKLE.toNanos();
            }
            Thread.sleep(100);
        }
        assertEquals(3, probes, "probed while the uploads were open");
        for (var upload : uploads) {
            assertTrue(!upload.open(), upload + " was still open after " + CLOSED_WITHIN.plusSeconds(5));
            assertTrue(
                    upload.openFor().compareTo(CLOSED_WITHIN) <= 0,
                    upload + " was closed only after " + upload.openFor().toMillis() + " ms");
        }
    }

    private void probeCallback(SignedCallbacks sinch) throws Exception {
        long began = System.nanoTime();
        var answer =
                sinch.post(recipientReport(newBatchId(), "46701234567", "Delivered", 0, "2026-01-02T03:04:05.678Z"));
        assertAnsweredInTime("a signed callback", began, 200, answer);
    }

    private void probeApiRead(HttpClient http) throws Exception {
        long began = System.nanoTime();
        var answer = http.send(
                HttpRequest.newBuilder(URI.create(base + "api/me"))
                        .header("Authorization", TestUsers.READER.basic())
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertAnsweredInTime("GET /api/me", began, 200, answer);
    }

    private static void assertAnsweredInTime(String what, long began, int status, HttpResponse<String> answer) {
        var took = Duration.ofNanos(System.nanoTime() - began);
        assertEquals(status, answer.statusCode(), what + ": " + answer.body());
        assertTrue(took.compareTo(ANSWER_WITHIN) <= 0, what + " took " + took.toMillis() + " ms");
    }

    private static String callbackHeaders() {
        return "POST /api/sinch/callbacks HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "x-sinch-webhook-signature: c2lnbmF0dXJl\r\nx-sinch-webhook-signature-algorithm: HmacSHA256\r\n"
                + "x-sinch-webhook-signature-nonce: " + UUID.randomUUID() + "\r\n"
                + "x-sinch-webhook-signature-timestamp: " + System.currentTimeMillis() / 1000 + "\r\n"
                + "Content-Length: 100000\r\n\r\n";
    }

    private static String sendHeaders() {
        return "POST /api/messages HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: " + TestUsers.SENDER.basic() + "\r\nContent-Length: 100000\r\n\r\n";
    }

    /** One connection that sent its headers and then a byte every {@link #TRICKLE}. */
    private static final class Upload {
        private final SocketChannel channel;
        private final long started = System.nanoTime();
        private final String what;
        private long lastByte = started;
        private long closed;

        private Upload(SocketChannel channel, String what) {
            this.channel = channel;
            this.what = what;
        }

        static Upload start(URL base, String headers) throws IOException {
            var channel = SocketChannel.open(new InetSocketAddress(base.getHost(), base.getPort()));
            channel.write(ByteBuffer.wrap(headers.getBytes(StandardCharsets.US_ASCII)));
            channel.configureBlocking(false);
            return new Upload(channel, headers.substring(0, headers.indexOf(" HTTP")));
        }

        /** Sends a byte when one is due; notices when the server closed the connection. */
        void trickle() {
            if (!open()) {
                return;
            }
            try {
                var answer = ByteBuffer.allocate(4096);
                while (channel.read(answer) > 0) {
                    answer.clear(); // what the server says before it closes (a 408) does not matter here
                }
                if (channel.read(answer) < 0) {
                    closeNow();
                } else if (System.nanoTime() - lastByte >= TRICKLE.toNanos()) {
                    channel.write(ByteBuffer.wrap(new byte[] {'{'}));
                    lastByte = System.nanoTime();
                }
            } catch (IOException reset) {
                closeNow();
            }
        }

        private void closeNow() {
            closed = System.nanoTime();
            try {
                channel.close();
            } catch (IOException ignored) {
                // closed either way
            }
        }

        boolean open() {
            return closed == 0;
        }

        Duration openFor() {
            return Duration.ofNanos((open() ? System.nanoTime() : closed) - started);
        }

        @Override
        public String toString() {
            return what;
        }
    }
}
