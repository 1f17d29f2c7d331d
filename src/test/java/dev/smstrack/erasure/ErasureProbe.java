package dev.smstrack.erasure;

import dev.smstrack.callbacks.CallbackQueue;
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
import java.util.Map;
import java.util.TreeMap;

/** Test-only bean that looks for a number in every table and queue the product keeps. */
@Stateless
public class ErasureProbe {

    @PersistenceContext
    EntityManager em;

    @Inject
    JMSContext jms;

    @Resource(lookup = CallbackQueue.DEAD_LETTER_QUEUE)
    Queue deadLetters;

    /** Rows holding the text, by table and column. */
    public Map<String, Long> rowsHolding(String text) {
        Map<String, Long> found = new TreeMap<>();
        for (String column : new String[] {
            "message.recipient",
            "status_event.recipient",
            "callback.payload",
            "callback.dedup_key",
            "inbound_message.sender",
            "inbound_message.recipient",
            "inbound_message.body",
            "submission.body",
            "erasure.requested_by"
        }) {
            String[] parts = column.split("\\.");
            long count = ((Number)
                            em.createNativeQuery("SELECT COUNT(*) FROM " + parts[0] + " WHERE " + parts[1] + " LIKE ?")
                                    .setParameter(1, "%" + text + "%")
                                    .getSingleResult())
                    .longValue();
            if (count > 0) {
                found.put(column, count);
            }
        }
        return found;
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
