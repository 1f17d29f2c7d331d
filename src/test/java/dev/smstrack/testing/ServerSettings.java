package dev.smstrack.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Settings the product reads at each use (the sending guard's), set on the running test server as
 * system properties through its management API, as the test administrator, and removed again.
 */
public final class ServerSettings implements AutoCloseable {

    private static final URI MANAGEMENT = URI.create("http://127.0.0.1:9990/management");
    private static final String ADMIN = "Basic "
            + Base64.getEncoder().encodeToString("it-admin:it-admin-password".getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> set = new ArrayList<>();

    /** Sets {@code name} (a MicroProfile Config name, e.g. sending.allowed.prefixes) to {@code value}. */
    public ServerSettings set(String name, String value) throws Exception {
        String answer = management("{\"operation\":\"add\",\"address\":[{\"system-property\":\"" + name
                + "\"}],\"value\":\"" + value + "\"}");
        if (!answer.contains("\"success\"")) {
            throw new AssertionError("setting " + name + ": " + answer);
        }
        set.add(name);
        return this;
    }

    /** Removes every setting made here. */
    @Override
    public void close() throws Exception {
        for (String name : set) {
            management("{\"operation\":\"remove\",\"address\":[{\"system-property\":\"" + name + "\"}]}");
        }
        set.clear();
    }

    private String management(String operation) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(MANAGEMENT)
                                .header("Authorization", ADMIN)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(operation))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
