package dev.smstrack.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A Sinch SMS REST API that accepts every batch and never calls back, for scripts that send through
 * running servers without the simulator (a cluster refuses it). {@code POST …/batches} answers 201
 * with a new batch id; {@code GET …/batches?client_reference=R} lists the batches created with R, as
 * the product asks after a crash before it sends again. Each batch created is a line in the file:
 * its client reference, so that a script can tell a send made twice.
 *
 * <pre>java -cp … dev.smstrack.bench.FakeSinch PORT BATCHES_FILE</pre>
 */
public final class FakeSinch {

    private final Map<String, List<String>> batchesByReference = new ConcurrentHashMap<>();
    private final Writer created;

    private FakeSinch(Writer created) {
        this.created = created;
    }

    public static void main(String[] args) throws IOException {
        var sinch = new FakeSinch(Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8));
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 128);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/xms/v1/", sinch::handle);
        server.start();
        System.out.println("fake Sinch on port " + args[0]);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            boolean batches = exchange.getRequestURI().getPath().endsWith("/batches");
            if (!batches) {
                answer(exchange, 404, "{\"code\":\"not_found\",\"text\":\"not faked\"}");
            } else if ("POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 201, "{\"id\":\"" + create(read(exchange.getRequestBody())) + "\"}");
            } else {
                var ids = batchesByReference.getOrDefault(clientReference(exchange), List.of());
                var list = Json.createArrayBuilder();
                ids.forEach(id -> list.add(Json.createObjectBuilder().add("id", id)));
                answer(
                        exchange,
                        200,
                        Json.createObjectBuilder().add("batches", list).build().toString());
            }
        }
    }

    private String create(JsonObject batch) throws IOException {
        String reference = batch.getString("client_reference", "");
        String id = "FAKE" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
        batchesByReference
                .computeIfAbsent(reference, r -> new CopyOnWriteArrayList<>())
                .add(id);
        synchronized (created) {
            created.write(reference + System.lineSeparator());
            created.flush();
        }
        return id;
    }

    private static String clientReference(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        for (String parameter : query == null ? new String[0] : query.split("&")) {
            if (parameter.startsWith("client_reference=")) {
                return URLDecoder.decode(parameter.substring("client_reference=".length()), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static JsonObject read(InputStream body) throws IOException {
        try (var reader =
                Json.createReader(new StringReader(new String(body.readAllBytes(), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
