package dev.smstrack.bench.baseline;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Stores what {@link StoredBaselineResource} queued, as the product's consumer is shaped but with
 * nothing but the required writes ({@link StoredReports}): behind the message it is handed, it takes
 * up to 199 waiting ones in a local JMS transaction, stores them all in one JDBC transaction, and
 * only then commits the JMS one: one database and one broker commit per list. A list that two
 * sessions deadlock on is stored again; one that holds a callback stored before (the broker
 * delivers some twice) is stored without it.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = StoredBaselineResource.QUEUE),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8"),
            @ActivationConfigProperty(propertyName = "consumerWindowSize", propertyValue = "0")
        })
@TransactionManagement(TransactionManagementType.BEAN)
public class StoredBaselineConsumer implements MessageListener {

    private static final int MOST_PER_LIST = 200;

    @Resource(lookup = "java:/jms/SmsTrackerCallbackLists") // the product's: window 0
    ConnectionFactory listConnections;

    @Resource(lookup = StoredBaselineResource.QUEUE)
    Queue queue;

    @Resource(lookup = "java:jboss/datasources/SmsTrackerDS")
    DataSource database;

    private JMSContext list;

    @Override
    public void onMessage(Message first) {
        boolean committed = false;
        try {
            if (list == null) {
                list = listConnections.createContext(JMSContext.SESSION_TRANSACTED);
            }
            List<StoredReports.Queued> taken = new ArrayList<>();
            taken.add(queued(first));
            try (JMSConsumer waiting = list.createConsumer(queue)) {
                for (Message next; taken.size() < MOST_PER_LIST && (next = waiting.receiveNoWait()) != null; ) {
                    taken.add(queued(next));
                }
            }
            store(taken);
            list.commit();
            committed = true;
        } catch (JMSException | SQLException e) {
            throw new IllegalStateException("the list was not stored", e);
        } finally {
            if (!committed && list != null) {
                list.rollback();
            }
        }
    }

    /** Stores the list again if two sessions deadlock on it, and without those stored before if any was. */
    private void store(List<StoredReports.Queued> taken) throws SQLException {
        boolean skipKnown = false;
        for (int attempt = 1; ; attempt++) {
            try (var db = database.getConnection()) {
                db.setAutoCommit(false);
                try {
                    StoredReports.store(db, taken, skipKnown, taken.get(0).callbackOnly());
                    db.commit();
                    return;
                } catch (SQLException e) {
                    db.rollback();
                    if (attempt == 5) {
                        throw e;
                    }
                    if (isDuplicate(e)) {
                        skipKnown = true;
                    } else if (!(e instanceof SQLTransactionRollbackException)) {
                        throw e;
                    }
                } finally {
                    db.setAutoCommit(true);
                }
            }
        }
    }

    private static boolean isDuplicate(SQLException e) {
        return e instanceof SQLIntegrityConstraintViolationException
                || e.getCause() instanceof SQLIntegrityConstraintViolationException;
    }

    private static StoredReports.Queued queued(Message message) throws JMSException {
        return new StoredReports.Queued(
                message.getStringProperty(StoredBaselineResource.NONCE),
                message.getLongProperty(StoredBaselineResource.RECEIVED_AT),
                message.getBooleanProperty(StoredBaselineResource.CALLBACK_ONLY),
                message.getBody(byte[].class));
    }

    @PreDestroy
    void close() {
        if (list != null) {
            list.close();
        }
    }
}
