package dev.smstrack.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Stream;

/** A Prometheus text exposition of the test server's /metrics, as its scrape user (group Monitor) reads it. */
public record MetricsScrape(String text) {

    public static final URI METRICS = URI.create("http://127.0.0.1:9990/metrics");
    public static final String MONITOR = "Basic "
            + Base64.getEncoder().encodeToString("it-monitor:it-monitor-password".getBytes(StandardCharsets.UTF_8));

    /** Scrapes now; fails unless /metrics answers 200. */
    public static MetricsScrape now(HttpClient http) throws Exception {
        var answer = http.send(
                HttpRequest.newBuilder(METRICS).header("Authorization", MONITOR).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new AssertionError("/metrics answered " + answer.statusCode() + ": " + answer.body());
        }
        return new MetricsScrape(answer.body());
    }

    /** The samples, without the comment lines. */
    public Stream<String> lines() {
        return text.lines().filter(line -> !line.startsWith("#"));
    }

    /** The sum of the samples of {@code name} whose labels hold every one of {@code labels}. */
    public double sum(String name, String... labels) {
        return lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    public double minus(MetricsScrape before, String name, String... labels) {
        return sum(name, labels) - before.sum(name, labels);
    }
}
