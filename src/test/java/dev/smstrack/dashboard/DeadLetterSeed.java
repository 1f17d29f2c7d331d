package dev.smstrack.dashboard;

import dev.smstrack.callbacks.CallbackQueue;
import dev.smstrack.callbacks.QueuedCallback;
import dev.smstrack.platform.persistence.DatabaseMigrations;
import dev.smstrack.processing.DeadLetters;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Test deployments only: makes one real dead letter, as a table the consumer needs going missing
 * would: the report about {@code batchId} fails every attempt and the broker dead-letters it.
 */
@WebServlet("/it/dead-letter")
public class DeadLetterSeed extends HttpServlet {

    @Inject
    CallbackQueue queue;

    @Inject
    DeadLetters deadLetters;

    @Resource(lookup = DatabaseMigrations.DATASOURCE)
    DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String batchId = request.getParameter("batchId");
        String report = "{\"type\":\"recipient_delivery_report_sms\",\"batch_id\":\"" + batchId
                + "\",\"recipient\":\"+46701110000\",\"code\":0,\"status\":\"Delivered\","
                + "\"at\":\"2026-03-04T05:06:07.000Z\"}";
        try {
            rename("callback", "callback_away");
            try {
                queue.enqueue(QueuedCallback.unsigned(
                        report.getBytes(StandardCharsets.UTF_8), Instant.now(), "recipient_delivery_report_sms"));
                Instant until = Instant.now().plus(Duration.ofSeconds(30));
                while (!deadLettered(batchId)) {
                    if (Instant.now().isAfter(until)) {
                        response.sendError(500, "not dead-lettered within 30 s");
                        return;
                    }
                    Thread.sleep(100);
                }
            } finally {
                rename("callback_away", "callback");
            }
        } catch (SQLException | InterruptedException e) {
            throw new IOException(e);
        }
        response.setStatus(204);
    }

    private boolean deadLettered(String batchId) {
        return deadLetters.list(1000).stream()
                .anyMatch(letter -> letter.preview().contains(batchId));
    }

    private void rename(String from, String to) throws SQLException {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + from + " RENAME TO " + to);
        }
    }
}
