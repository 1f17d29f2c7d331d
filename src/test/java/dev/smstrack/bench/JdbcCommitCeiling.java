package dev.smstrack.bench;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The database's single-row commit ceiling with the product's durability: connections inserting
 * one row per transaction (autocommit) into a scratch table, flat out, for a time. Arguments:
 * JDBC URL, user, password, connections, seconds.
 */
public final class JdbcCommitCeiling {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int connections = Integer.parseInt(args[3]);
        Duration duration = Duration.ofSeconds(Long.parseLong(args[4]));
        scratchTable(url, args, "CREATE TABLE bench_commit (id BIGINT NOT NULL PRIMARY KEY, payload VARCHAR(400))");
        var commits = new LongAdder();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int lane = 0; lane < connections; lane++) {
            long first = (long) lane << 40;
            var worker = new Thread(() -> insertUntil(url, args[1], args[2], first, end, commits));
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        // Dropped again: on a database the product never started on, its migrations expect no table.
        scratchTable(url, args, null);
        System.out.printf(
                "JDBC single-row commits, %d connections, %d s: %.0f/s%n",
                connections, duration.toSeconds(), commits.sum() / (double) duration.toSeconds());
    }

    private static void scratchTable(String url, String[] args, String create) throws SQLException {
        try (var setup = DriverManager.getConnection(url, args[1], args[2]);
                var statement = setup.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_commit");
            if (create != null) {
                statement.execute(create);
            }
        }
    }

    private static void insertUntil(String url, String user, String password, long id, long end, LongAdder commits) {
        String payload = "x".repeat(300);
        try (var connection = DriverManager.getConnection(url, user, password);
                var insert = connection.prepareStatement("INSERT INTO bench_commit (id, payload) VALUES (?, ?)")) {
            while (System.nanoTime() < end) {
                insert.setLong(1, id++);
                insert.setString(2, payload);
                insert.executeUpdate();
                commits.increment();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
