package dev.smstrack.bench.baseline;

import dev.smstrack.callbacks.CallbackQueue;
import dev.smstrack.callbacks.QueuedCallback;
import dev.smstrack.platform.messaging.QueueLists;
import dev.smstrack.platform.persistence.ListCommit;
import dev.smstrack.processing.CallbackConsumer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import java.util.List;

/**
 * The product's consumer with the product's work taken out, on the product's queue while the bench
 * has stopped the product's consumer (deployed stopped, see BaselineDeployment): the same lists
 * ({@link QueueLists}, with {@link CallbackConsumer}'s list size, list connection factory and
 * sessions), read back as the product reads them
 * ({@link QueuedCallback#of}), committed as the product commits them ({@link ListCommit}, one
 * database transaction a list, EclipseLink's batch writing), but each callback stored as one raw
 * row, as the peer stores it: no parse, no dedup, no message, no history, no metrics; and no yielding
 * to a busy intake (the product's consumer takes one lane then), which only makes this ceiling higher.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = CallbackQueue.QUEUE),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = CallbackConsumer.SESSIONS),
            @ActivationConfigProperty(propertyName = "consumerWindowSize", propertyValue = "0")
        })
@TransactionManagement(TransactionManagementType.BEAN)
public class StoredBaselineConsumer implements MessageListener {

    @Inject
    BaselineRows rows;

    @Resource(lookup = CallbackConsumer.LIST_CONNECTION_FACTORY)
    ConnectionFactory listConnections;

    @Resource(lookup = CallbackQueue.QUEUE)
    Queue queue;

    private QueueLists lists;

    @PostConstruct
    void open() {
        lists = new QueueLists(listConnections, queue, CallbackConsumer.MOST_PER_LIST);
    }

    @Override
    public void onMessage(Message first) {
        boolean committed = false;
        try {
            List<QueuedCallback> taken = QueueLists.read(lists.take(first), QueuedCallback::of);
            if (ListCommit.commit("baseline", taken, rows::store).isEmpty()) {
                lists.commit();
                committed = true;
            } else {
                throw new IllegalStateException("a baseline row was not stored");
            }
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        } finally {
            if (!committed) {
                lists.rollback();
            }
        }
    }

    @PreDestroy
    void close() {
        lists.close();
    }
}
