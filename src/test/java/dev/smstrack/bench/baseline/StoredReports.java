package dev.smstrack.bench.baseline;

import dev.smstrack.messages.StatusLifecycle;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the requirements make the consumer write for a list of recipient delivery reports, in plain
 * JDBC and one transaction, with nothing else: each callback row with its raw payload, nonce and
 * dedup key (their unique keys refuse a replay: the insert fails on conflict, no query first), the
 * reported messages read and locked in one query per 100 (as the product's {@code PairLookup}), each
 * report's status event, and each message's status moved forward only ({@link
 * StatusLifecycle#supersedes}, the product's rule), in the list's order.
 */
final class StoredReports {

    /** A queued callback: its nonce, when it arrived, and its raw body. */
    record Queued(String nonce, long receivedAtMs, boolean callbackOnly, byte[] body) {}

    private record Locked(String id, long createdAtMs, String status, int code, Instant statusAt) {}

    private static final int PAIRS_PER_QUERY = 100;

    private StoredReports() {}

    /**
     * Stores the list; the caller commits. The callbacks go in one batch, which a replay or a
     * duplicate fails ({@link java.sql.SQLIntegrityConstraintViolationException}); with {@code
     * skipKnown}, each goes alone, and those the unique keys refuse are left out. With {@code
     * callbackOnly}, nothing else is written.
     */
    static void store(Connection db, List<Queued> list, boolean skipKnown, boolean callbackOnly) throws SQLException {
        List<JsonObject> reports = new ArrayList<>();
        List<String> callbackIds = new ArrayList<>();
        List<Long> receivedAt = new ArrayList<>();
        try (var insert = db.prepareStatement(
                "INSERT " + (skipKnown ? "IGNORE " : "") + "INTO callback"
                        + " (id, type, dedup_key, nonce, outcome, received_at_ms, payload) VALUES (?, ?, ?, ?, 'APPLIED', ?, ?)")) {
            for (Queued queued : list) {
                JsonObject report = Json.createReader(new ByteArrayInputStream(queued.body()))
                        .readObject();
                String id = UUID.randomUUID().toString();
                insert.setString(1, id);
                insert.setString(2, report.getString("type"));
                insert.setString(3, sha256(queued.body()));
                insert.setString(4, queued.nonce());
                insert.setLong(5, queued.receivedAtMs());
                insert.setString(6, new String(queued.body(), StandardCharsets.UTF_8));
                if (skipKnown && insert.executeUpdate() == 0) {
                    continue; // stored before
                }
                if (!skipKnown) {
                    insert.addBatch();
                }
                reports.add(report);
                callbackIds.add(id);
                receivedAt.add(queued.receivedAtMs());
            }
            if (!skipKnown) {
                insert.executeBatch();
            }
        }
        if (callbackOnly) {
            return;
        }
        Map<String, Locked> messages = lock(db, reports);
        try (var event = db.prepareStatement("INSERT INTO status_event (id, callback_id, message_id, batch_id,"
                        + " recipient, client_reference, status, code, reported_at_ms, received_at_ms)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                var move = db.prepareStatement("UPDATE message SET status = ?, code = ?, status_at_ms = ?,"
                        + " updated_at_ms = ?, next_check_at_ms = NULL, delivered_after_ms = ? WHERE id = ?")) {
            Map<String, Locked> moved = new HashMap<>();
            for (int i = 0; i < reports.size(); i++) {
                JsonObject report = reports.get(i);
                Locked message = messages.get(keyOf(report));
                String status = report.getString("status");
                Instant at = Instant.parse(report.getString("at"));
                event.setString(1, UUID.randomUUID().toString());
                event.setString(2, callbackIds.get(i));
                event.setString(3, message == null ? null : message.id());
                event.setString(4, report.getString("batch_id"));
                event.setString(5, recipientOf(report));
                event.setString(6, report.getString("client_reference", null));
                event.setString(7, status);
                event.setInt(8, report.getInt("code"));
                event.setLong(9, at.toEpochMilli());
                event.setLong(10, receivedAt.get(i));
                event.addBatch();
                if (message != null && StatusLifecycle.supersedes(status, at, message.status(), message.statusAt())) {
                    var now = new Locked(message.id(), message.createdAtMs(), status, report.getInt("code"), at);
                    messages.put(keyOf(report), now);
                    moved.put(message.id(), now);
                }
            }
            event.executeBatch();
            for (Locked message : moved.values()) {
                move.setString(1, message.status());
                move.setInt(2, message.code());
                move.setLong(3, message.statusAt().toEpochMilli());
                move.setLong(4, System.currentTimeMillis());
                if (StatusLifecycle.isDelivered(message.status())) {
                    move.setLong(5, Math.max(0, message.statusAt().toEpochMilli() - message.createdAtMs()));
                } else {
                    move.setNull(5, Types.BIGINT);
                }
                move.setString(6, message.id());
                move.addBatch();
            }
            move.executeBatch();
        }
    }

    /** The reported messages, locked, by (client reference, recipient): one query per 100 of them. */
    private static Map<String, Locked> lock(Connection db, List<JsonObject> reports) throws SQLException {
        List<String[]> wanted = new ArrayList<>();
        for (JsonObject report : reports) {
            String reference = report.getString("client_reference", null);
            if (reference != null) {
                wanted.add(new String[] {reference, recipientOf(report)});
            }
        }
        Map<String, Locked> locked = new HashMap<>();
        for (int from = 0; from < wanted.size(); from += PAIRS_PER_QUERY) {
            var chunk = wanted.subList(from, Math.min(wanted.size(), from + PAIRS_PER_QUERY));
            String conditions =
                    String.join(" OR ", Collections.nCopies(chunk.size(), "(client_reference = ? AND recipient = ?)"));
            try (PreparedStatement query = db.prepareStatement(
                    "SELECT id, client_reference, recipient, created_at_ms, status, status_at_ms, code FROM message WHERE "
                            + conditions + " FOR UPDATE")) {
                int parameter = 1;
                for (String[] pair : chunk) {
                    query.setString(parameter++, pair[0]);
                    query.setString(parameter++, pair[1]);
                }
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        long statusAt = rows.getLong(6);
                        boolean noStatusTime = rows.wasNull();
                        locked.put(
                                rows.getString(2) + " " + rows.getString(3),
                                new Locked(
                                        rows.getString(1),
                                        rows.getLong(4),
                                        rows.getString(5),
                                        rows.getInt(7),
                                        noStatusTime ? null : Instant.ofEpochMilli(statusAt)));
                    }
                }
            }
        }
        return locked;
    }

    private static String keyOf(JsonObject report) {
        return report.getString("client_reference", null) + " " + recipientOf(report);
    }

    /** As the product stores it: Sinch leaves out the plus of an international number. */
    private static String recipientOf(JsonObject report) {
        String recipient = report.getString("recipient");
        return recipient.startsWith("+") ? recipient : "+" + recipient;
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
