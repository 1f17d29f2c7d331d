package dev.smstrack.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes signed callbacks for {@code bench/wrk/signed-callbacks.lua}, one a line: nonce, timestamp,
 * signature and body, separated by tabs. Signing ahead of the run leaves the machine's CPU to the
 * server while wrk sends them.
 *
 * <pre>
 * java -cp ... dev.smstrack.bench.SignedRequests COUNT SECRET FILE
 * </pre>
 */
public final class SignedRequests {

    private SignedRequests() {}

    public static void main(String[] args) throws IOException {
        long count = Long.parseLong(args[0]);
        String secret = args[1];
        String prefix = "WRK" + System.currentTimeMillis();
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[2]))) {
            for (long n = 1; n <= count; n++) {
                var callback = SignedCallback.of(prefix + "-" + n, secret);
                out.write(String.join(
                        "\t", callback.nonce(), callback.timestamp(), callback.signature(), callback.body()));
                out.newLine();
            }
        }
    }
}
