package dev.smstrack.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smstrack.testing.Deployments;
import dev.smstrack.testing.TestUsers;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One user cannot hold the server's connections with live streams: twenty each, then 429. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LiveStreamsIT {

    /** LIVE_STREAMS_PER_USER's default. */
    static final int MOST_PER_USER = 20;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aUserGetsAFewStreamsThen429AndAnotherUserIsNotHeldBack() throws Exception {
        List<InputStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < MOST_PER_USER; i++) {
                var stream = watch(TestUsers.READER);
                assertEquals(200, stream.statusCode(), "stream " + (i + 1));
                open.add(stream.body());
            }
            var refused = watch(TestUsers.READER);
            String body = new String(refused.body().readAllBytes());
            assertEquals(429, refused.statusCode(), body);
            assertTrue(refused.headers().firstValue("Retry-After").isPresent(), "says when to retry");
            assertTrue(body.contains("LIVE_STREAMS_PER_USER"), body);

            var another = watch(TestUsers.OPS);
            assertEquals(200, another.statusCode(), "another user's stream");
            open.add(another.body());
        } finally {
            for (InputStream stream : open) {
                stream.close();
            }
        }
    }

    private HttpResponse<InputStream> watch(TestUsers user) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base.toString()).resolve("/api/message-changes"))
                        .header("Authorization", user.basic())
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }
}
