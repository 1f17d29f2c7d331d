package dev.smstrack.erasure;

import dev.smstrack.callbacks.CallbackQueue;
import dev.smstrack.platform.persistence.DatabaseMigrations;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/** Test-only bean that looks for a number in every table and queue the product keeps. */
@Stateless
public class ErasureProbe {

    @PersistenceContext
    EntityManager em;

    @Inject
    JMSContext jms;

    private static final Set<Integer> TEXT_TYPES =
            Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB, Types.NCHAR, Types.NVARCHAR, Types.NCLOB);

    @Resource(lookup = CallbackQueue.DEAD_LETTER_QUEUE)
    Queue deadLetters;

    @Resource(lookup = DatabaseMigrations.DATASOURCE)
    DataSource dataSource;

    /**
     * Rows holding the text, by table and column, in every text column of every table of the
     * product's schema: what a dump of the database would show.
     */
    public Map<String, Long> rowsHolding(String text) throws SQLException {
        Map<String, Long> found = new TreeMap<>();
        try (var connection = dataSource.getConnection()) {
            List<String[]> columns = new ArrayList<>();
            try (var all =
                    connection.getMetaData().getColumns(connection.getCatalog(), connection.getSchema(), "%", "%")) {
                while (all.next()) {
                    if (TEXT_TYPES.contains(all.getInt("DATA_TYPE"))) {
                        columns.add(new String[] {all.getString("TABLE_NAME"), all.getString("COLUMN_NAME")});
                    }
                }
            }
            if (columns.size() < 20) {
                throw new IllegalStateException("the schema was not found: " + columns.size() + " text columns");
            }
            String quote = connection.getMetaData().getIdentifierQuoteString();
            for (String[] column : columns) {
                try (var count = connection.prepareStatement("SELECT COUNT(*) FROM " + quote + column[0] + quote
                        + " WHERE " + quote + column[1] + quote + " LIKE ?")) {
                    count.setString(1, "%" + text + "%");
                    try (var result = count.executeQuery()) {
                        result.next();
                        if (result.getLong(1) > 0) {
                            found.put((column[0] + "." + column[1]).toLowerCase(), result.getLong(1));
                        }
                    }
                }
            }
        }
        return found;
    }

    /** The number of status events about this batch that found a message and carry this recipient. */
    public long matchedEvents(String batchId, String recipient) {
        return ((Number) em.createNativeQuery(
                                "SELECT COUNT(*) FROM status_event WHERE batch_id = ? AND recipient = ? AND message_id IS NOT NULL")
                        .setParameter(1, batchId)
                        .setParameter(2, recipient)
                        .getSingleResult())
                .longValue();
    }

    public String batchOfMessagesOf(String requestId) {
        return (String) em.createNativeQuery("SELECT MIN(batch_id) FROM message WHERE client_reference = ?")
                .setParameter(1, requestId)
                .getSingleResult();
    }

    public String recipientOfMessagesOf(String requestId) {
        return (String) em.createNativeQuery("SELECT MIN(recipient) FROM message WHERE client_reference = ?")
                .setParameter(1, requestId)
                .getSingleResult();
    }

    public String statusOfMessagesOf(String requestId) {
        return (String) em.createNativeQuery("SELECT MIN(status) FROM message WHERE client_reference = ?")
                .setParameter(1, requestId)
                .getSingleResult();
    }

    public long erasuresBy(String user) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM erasure WHERE requested_by = ?")
                        .setParameter(1, user)
                        .getSingleResult())
                .longValue();
    }

    /** Puts a callback on the dead-letter queue, as the broker does after the last attempt. */
    public void deadLetter(String body) {
        jms.createProducer()
                .setProperty("receivedAt", System.currentTimeMillis())
                .setProperty(CallbackQueue.TYPE, "recipient_delivery_report_sms")
                .send(deadLetters, body.getBytes(StandardCharsets.UTF_8));
    }

    public int deadLettersHolding(String text) throws JMSException {
        int holding = 0;
        try (var browser = jms.createBrowser(deadLetters)) {
            var messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                var body = ((Message) messages.nextElement()).getBody(byte[].class);
                if (new String(body, StandardCharsets.UTF_8).contains(text)) {
                    holding++;
                }
            }
        }
        return holding;
    }
}
