package dev.smstrack.bench;

import dev.smstrack.testing.TestUsers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends signed recipient delivery reports, each with its own batch id and nonce, to a running
 * server: at a fixed rate (open loop: latency counts from when a request was due) or flat out,
 * from a number of connections, for a time or a count. Reports accepted per second, latency
 * percentiles and answers by status; then, with --drain, how fast the product stored them.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.mainClass=dev.smstrack.bench.LoadGenerator \
 *     -Dexec.classpathScope=test -Dexec.args="--secret s --concurrency 64 --duration 20 --drain"
 * </pre>
 */
public final class LoadGenerator {

    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final List<String> accepted = java.util.Collections.synchronizedList(new ArrayList<>());

    LoadGenerator(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        var options = Options.parse(args);
        new LoadGenerator(options).run();
    }

    void run() throws Exception {
        long storedBefore = options.drain ? storedCallbacks() : 0;
        List<LatencyRecorder> recorders = new ArrayList<>();
        List<Thread> senders = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + options.duration.toNanos();
        for (int i = 0; i < options.concurrency; i++) {
            var recorder = new LatencyRecorder();
            recorders.add(recorder);
            int lane = i;
            senders.add(startThread(() -> sendLoop(lane, recorder, start, end)));
        }
        for (Thread sender : senders) {
            sender.join();
        }
        long sent = System.nanoTime();
        double seconds = (sent - start) / 1e9;
        long ok = statuses.entrySet().stream()
                .filter(entry -> entry.getKey() / 100 == 2)
                .mapToLong(entry -> entry.getValue().sum())
                .sum();
        long[] latencies = LatencyRecorder.merged(recorders);

        var report = new StringBuilder();
        report.append(String.format(
                "target %s, %s, %d connections, %.1f s%n",
                options.url(),
                options.rate == 0 ? "flat out" : "offered " + options.rate + "/s",
                options.concurrency,
                seconds));
        var noAnswer = new TreeMap<String, Long>();
        failures.forEach((cause, count) -> noAnswer.put(cause, count.sum()));
        report.append(String.format(
                "requests %d, accepted (2xx) %d = %.0f/s, no answer %d %s%n",
                latencies.length,
                ok,
                ok / seconds,
                noAnswer.values().stream().mapToLong(Long::longValue).sum(),
                noAnswer));
        report.append(String.format(
                "latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n",
                LatencyRecorder.percentileMillis(latencies, 50),
                LatencyRecorder.percentileMillis(latencies, 95),
                LatencyRecorder.percentileMillis(latencies, 99),
                LatencyRecorder.percentileMillis(latencies, 100)));
        var byStatus = new TreeMap<Integer, Long>();
        statuses.forEach((status, count) -> byStatus.put(status, count.sum()));
        report.append("answers by status ").append(byStatus).append(System.lineSeparator());
        if (options.drain) {
            report.append(drain(storedBefore, ok, start, sent));
        }
        System.out.print(report);
        if (options.acceptedFile != null) {
            Files.write(options.acceptedFile, accepted);
        }
    }

    private static Thread startThread(Runnable work) {
        var thread = new Thread(work);
        thread.start();
        return thread;
    }

    private void sendLoop(int lane, LatencyRecorder recorder, long start, long end) {
        long interval = options.rate == 0 ? 0 : (long) (1e9 * options.concurrency / options.rate);
        long due = start + (interval == 0 ? 0 : interval * lane / options.concurrency);
        while (true) {
            long now = System.nanoTime();
            if (now >= end || (options.count > 0 && sequence.get() >= options.count)) {
                return;
            }
            if (interval > 0 && due > now) {
                java.util.concurrent.locks.LockSupport.parkNanos(due - now);
            }
            long n = sequence.incrementAndGet();
            if (options.count > 0 && n > options.count) {
                return;
            }
            long sentAt = interval > 0 ? due : System.nanoTime();
            String batchId = options.prefix + "-" + n;
            try {
                int status = http.send(request(batchId), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                if (status / 100 == 2 && options.acceptedFile != null) {
                    accepted.add(batchId);
                }
            } catch (IOException e) {
                failures.computeIfAbsent(cause(e), c -> new LongAdder()).increment();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            recorder.record((System.nanoTime() - sentAt) / 1000);
            due += interval;
        }
    }

    /** Why there was no answer, in a few words: the exception's class and the start of its message. */
    private static String cause(IOException e) {
        String message = String.valueOf(e.getMessage());
        return e.getClass().getSimpleName() + ": " + message.substring(0, Math.min(message.length(), 60));
    }

    private HttpRequest request(String batchId) {
        var callback = SignedCallback.of(batchId, options.secret);
        var request = HttpRequest.newBuilder(options.url())
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(callback.body()));
        if (options.secret != null) {
            request.header("x-sinch-webhook-signature", callback.signature())
                    .header("x-sinch-webhook-signature-algorithm", "HmacSHA256")
                    .header("x-sinch-webhook-signature-nonce", callback.nonce())
                    .header("x-sinch-webhook-signature-timestamp", callback.timestamp());
        }
        if (options.basic != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(options.basic.getBytes(StandardCharsets.UTF_8)));
        }
        return request.build();
    }

    /** Waits until the product stored every accepted callback; reports the end-to-end rate. */
    private String drain(long before, long acceptedCount, long start, long sent) throws Exception {
        long deadline = System.nanoTime() + options.drainTimeout.toNanos();
        long stored = 0;
        while (System.nanoTime() < deadline) {
            stored = storedCallbacks() - before;
            if (stored >= acceptedCount) {
                break;
            }
            Thread.sleep(100);
        }
        long drained = System.nanoTime();
        return String.format(
                "stored %d of %d accepted; end to end %.0f/s; queue drained %.1f s after the last request%n",
                stored, acceptedCount, stored / ((drained - start) / 1e9), (drained - sent) / 1e9);
    }

    private long storedCallbacks() throws Exception {
        var answer = http.send(
                HttpRequest.newBuilder(options.base.resolve("/api/received-callbacks?size=1"))
                        .header("Authorization", TestUsers.OPS.basic())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher total = TOTAL.matcher(answer.body());
        if (!total.find()) {
            throw new IllegalStateException("cannot read the stored count: " + answer.body());
        }
        return Long.parseLong(total.group(1));
    }

    /** Command-line options; see the class comment. */
    record Options(
            URI base,
            String path,
            String secret,
            String basic,
            int rate,
            int concurrency,
            Duration duration,
            long count,
            String prefix,
            boolean drain,
            Duration drainTimeout,
            Path acceptedFile) {

        URI url() {
            return base.resolve(path);
        }

        static Options parse(String[] args) {
            Map<String, String> given = new TreeMap<>();
            for (int i = 0; i < args.length; i++) {
                String name = args[i].replaceFirst("^--", "");
                boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
                given.put(name, flag ? "true" : args[++i]);
            }
            return new Options(
                    URI.create(given.getOrDefault("target", "http://127.0.0.1:8080")),
                    given.getOrDefault("path", "/api/sinch/callbacks"),
                    given.containsKey("unsigned") ? null : given.getOrDefault("secret", "bench-secret"),
                    given.get("basic"),
                    Integer.parseInt(given.getOrDefault("rate", "0")),
                    Integer.parseInt(given.getOrDefault("concurrency", "64")),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("duration", "10"))),
                    Long.parseLong(given.getOrDefault("count", "0")),
                    given.getOrDefault("prefix", "BENCH" + System.currentTimeMillis()),
                    given.containsKey("drain"),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("drain-timeout", "300"))),
                    given.containsKey("accepted-file") ? Path.of(given.get("accepted-file")) : null);
        }
    }
}
