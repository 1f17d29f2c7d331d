package dev.smstrack.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** What the simulated Sinch holds: the batches sent with a client reference, as its own API lists them. */
public final class SimulatedSinchBatches {

    private SimulatedSinchBatches() {}

    public static JsonArray withReference(HttpClient http, URI base, String clientReference) throws Exception {
        var answer = http.send(
                HttpRequest.newBuilder(base.resolve(
                                "/api/sinch-simulator/xms/v1/simulator/batches?client_reference=" + clientReference))
                        .header("Authorization", "Bearer " + System.getProperty("it.simulator.token"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new AssertionError("the simulator answered " + answer.statusCode() + ": " + answer.body());
        }
        return Json.createReader(new StringReader(answer.body())).readObject().getJsonArray("batches");
    }
}
