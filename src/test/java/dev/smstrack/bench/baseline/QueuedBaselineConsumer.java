package dev.smstrack.bench.baseline;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Takes what {@link QueuedBaselineResource} queued and does nothing with it, as cheaply as the
 * broker allows (no transaction, acknowledgements batched, messages buffered ahead): with it, the
 * bench measures what the durable queue alone costs end to end, before any database work.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = QueuedBaselineResource.QUEUE),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "acknowledgeMode", propertyValue = "Dups-ok-acknowledge"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
        })
@TransactionManagement(TransactionManagementType.BEAN)
public class QueuedBaselineConsumer implements MessageListener {

    static final AtomicLong CONSUMED = new AtomicLong();

    @Override
    public void onMessage(Message message) {
        CONSUMED.incrementAndGet();
    }
}
