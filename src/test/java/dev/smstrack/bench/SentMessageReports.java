package dev.smstrack.bench;

import dev.smstrack.callbacks.authentication.WebhookSignature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The workload Sinch really sends: for each message the product sent (read from its database), a
 * Dispatched and then a Delivered recipient report, signed as Sinch signs, for {@code
 * bench/wrk/signed-callbacks.lua}. The Delivered report of a message trails its Dispatched by
 * {@code TRAIL} reports, as handsets answer some seconds after the operator; a share of messages
 * gets the two in the other order, as Sinch sometimes sends them.
 *
 * <pre>
 * java -cp ... dev.smstrack.bench.SentMessageReports JDBC_URL USER PASSWORD SECRET FILE SINCE_MS [TRAIL] [REVERSED_SHARE]
 * </pre>
 */
public final class SentMessageReports {

    private SentMessageReports() {}

    private record Message(String batchId, String recipient, String clientReference) {}

    private record Report(double position, Message message, String status, int code) {}

    public static void main(String[] args) throws IOException, SQLException {
        String secret = args[3];
        long sinceMillis = Long.parseLong(args[5]);
        int trail = args.length > 6 ? Integer.parseInt(args[6]) : 1000;
        double reversedShare = args.length > 7 ? Double.parseDouble(args[7]) : 0.05;
        List<Message> messages = sentMessages(args[0], args[1], args[2], sinceMillis);
        var random = new Random(42);
        List<Report> reports = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            double dispatched = i;
            double delivered = i + trail * (0.5 + random.nextDouble());
            if (random.nextDouble() < reversedShare) {
                double swap = dispatched;
                dispatched = delivered;
                delivered = swap;
            }
            reports.add(new Report(dispatched, messages.get(i), "Dispatched", 401));
            reports.add(new Report(delivered, messages.get(i), "Delivered", 0));
        }
        reports.sort(Comparator.comparingDouble(Report::position));
        Instant start = Instant.now();
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[4]))) {
            long n = 0;
            for (Report report : reports) {
                n++;
                String body = body(report, start.plusMillis(n));
                String nonce = "SENT" + start.toEpochMilli() + "-" + n;
                String timestamp = Long.toString(Instant.now().getEpochSecond());
                String signature =
                        WebhookSignature.sign(secret, body.getBytes(StandardCharsets.UTF_8), nonce, timestamp);
                out.write(String.join("\t", nonce, timestamp, signature, body));
                out.newLine();
            }
        }
        System.out.println(reports.size() + " reports about " + messages.size() + " messages");
    }

    private static String body(Report report, Instant at) {
        Message message = report.message();
        String recipient =
                message.recipient().startsWith("+") ? message.recipient().substring(1) : message.recipient();
        return "{\"type\":\"recipient_delivery_report_sms\",\"batch_id\":\"" + message.batchId()
                + "\",\"recipient\":\"" + recipient + "\",\"code\":" + report.code() + ",\"status\":\""
                + report.status() + "\",\"at\":\"" + at + "\",\"client_reference\":\"" + message.clientReference()
                + "\"}";
    }

    /** The messages created after {@code sinceMillis} that Sinch has: this run's. */
    private static List<Message> sentMessages(String url, String user, String password, long sinceMillis)
            throws SQLException {
        List<Message> messages = new ArrayList<>();
        try (var connection = DriverManager.getConnection(url, user, password);
                var statement = connection.prepareStatement("SELECT batch_id, recipient, client_reference FROM message"
                        + " WHERE batch_id IS NOT NULL AND status = 'SUBMITTED' AND created_at_ms > ?"
                        + " ORDER BY created_at_ms, id")) {
            statement.setLong(1, sinceMillis);
            var rows = statement.executeQuery();
            while (rows.next()) {
                messages.add(new Message(rows.getString(1), rows.getString(2), rows.getString(3)));
            }
        }
        return messages;
    }
}
