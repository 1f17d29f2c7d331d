package dev.smstrack.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.smstrack.testing.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Readiness and liveness on the management interface, as a load balancer probes them. Readiness
 * going DOWN while the database is down is tested on MariaDB by src/test/reliability/database-outage.sh.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void isReadyWithTheDatabaseAndTheCallbackQueue() throws Exception {
        var ready = get("ready");
        assertEquals(200, ready.statusCode(), ready.body());
        var checks = statuses(ready.body());
        assertEquals("UP", checks.get("database"), ready.body());
        assertEquals("UP", checks.get("callback-queue"), ready.body());
    }

    @Test
    void livenessIsSeparateAndIgnoresWhatOnlyWaits() throws Exception {
        var live = get("live");
        assertEquals(200, live.statusCode(), live.body());
        var checks = statuses(live.body());
        assertEquals("UP", checks.get("no-deadlocked-threads"), live.body());
        assertFalse(checks.containsKey("database"), "a database outage must not get a node restarted");
    }

    private HttpResponse<String> get(String kind) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:9990/health/" + kind))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> statuses(String body) {
        JsonObject health = Json.createReader(new StringReader(body)).readObject();
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(check -> check.getString("name"), check -> check.getString("status")));
    }
}
