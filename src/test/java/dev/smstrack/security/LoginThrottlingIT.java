package dev.smstrack.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smstrack.testing.Deployments;
import dev.smstrack.testing.TestUsers;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Guessing a password: five failures, then 429 with Retry-After, even for the right password, while
 * other users log in as before. it-guarded exists for this test alone (test-users.txt).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginThrottlingIT {

    /** LOGIN_FAILURES_PER_USER's default. */
    static final int FAILURES = 5;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aGuesserMeets429AndOtherUsersDoNot() throws Exception {
        assertEquals(200, me(basic("it-guarded", "it-guarded-password")).statusCode(), "the user exists");
        for (int i = 0; i < FAILURES; i++) {
            assertEquals(401, me(basic("it-guarded", "guess-" + i)).statusCode(), "guess " + (i + 1));
        }
        var refused = me(basic("it-guarded", "it-guarded-password"));
        assertEquals(429, refused.statusCode(), "even the right password, for a while: " + refused.body());
        long retryAfter =
                Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 0 && retryAfter <= 300, "Retry-After " + retryAfter);
        assertTrue(refused.body().contains("too many failed logins"), refused.body());

        assertEquals(200, me(TestUsers.READER.basic()).statusCode(), "another user, from the same address");
        var scrape = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:9990/metrics"))
                        .header("Authorization", basic("it-monitor", "it-monitor-password"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(
                scrape.body()
                        .lines()
                        .anyMatch(line -> line.startsWith("sms_tracker_logins_throttled_total")
                                && Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) >= 1),
                "counted");
    }

    private HttpResponse<String> me(String authorization) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base.toString()).resolve("/api/me"))
                        .header("Authorization", authorization)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String name, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
