package dev.smstrack.processing;

import dev.smstrack.callbacks.CallbackQueue;
import dev.smstrack.callbacks.QueuedCallback;
import dev.smstrack.platform.DatabaseAvailability;
import dev.smstrack.platform.DatabaseProbe;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Takes callbacks off the queue. Each is applied in a database transaction (shared with the
 * callbacks other sessions took at the same time, see {@link CallbackBatches}) and acknowledged
 * after it commits: no two-phase commit between broker and database. A crash between the two
 * redelivers a callback already stored, which the idempotent {@link Callbacks} then skips. While the
 * database is unreachable the sessions wait, holding their messages, and go on when it is back:
 * an outage costs no delivery attempt. Any other failure leaves the message unacknowledged: the
 * broker redelivers it after a delay and, after the configured number of attempts, moves it to the
 * dead-letter queue.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = CallbackQueue.QUEUE),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            // Sessions waiting together make the lists that are committed together.
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "64")
        })
@TransactionManagement(TransactionManagementType.BEAN)
public class CallbackConsumer implements MessageListener {

    @Inject
    CallbackBatches batches;

    @Inject
    DatabaseAvailability database;

    @Inject
    DatabaseProbe probe;

    @Override
    public void onMessage(Message message) {
        QueuedCallback callback;
        try {
            callback = QueuedCallback.of(message);
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot read a queued callback", e);
        }
        while (true) {
            database.awaitAvailable();
            try {
                batches.apply(callback);
                return;
            } catch (RuntimeException failure) {
                if (probe.reachableNow()) {
                    throw failure; // fails on its own: redelivered, then dead-lettered
                }
                // The database went away under it: wait for it, spending no delivery attempt.
            }
        }
    }
}
