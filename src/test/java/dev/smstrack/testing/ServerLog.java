package dev.smstrack.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The test server's log, read from its file, for what a test expects the server to have logged. */
public final class ServerLog {

    /** From the test JVM (server.dir) or inside the server (jboss.server.log.dir). */
    private static final Path FILE = System.getProperty("server.dir") != null
            ? Path.of(System.getProperty("server.dir"), "standalone", "log", "server.log")
            : Path.of(System.getProperty("jboss.server.log.dir"), "server.log");

    private ServerLog() {}

    /** The first line holding the text, waiting a few seconds for it to be written. */
    public static String awaitLineWith(String text) {
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> lineWith(text), Optional::isPresent)
                .get();
    }

    /** Where the log ends now: {@link #linesSince} reads what comes after. */
    public static long end() throws IOException {
        return Files.size(FILE);
    }

    /** The lines written since the position. */
    public static List<String> linesSince(long position) throws IOException {
        try (var log = FileChannel.open(FILE, StandardOpenOption.READ)) {
            log.position(Math.min(position, log.size()));
            return new String(Channels.newInputStream(log).readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        }
    }

    private static Optional<String> lineWith(String text) throws IOException {
        try (var lines = Files.lines(FILE, StandardCharsets.ISO_8859_1)) {
            return lines.filter(line -> line.contains(text)).findFirst();
        }
    }
}
