package dev.smstrack.live;

import dev.smstrack.messages.Message;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostUpdate;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Collects the messages a transaction writes and, once it has committed, publishes them all at once:
 * a change is seen only if it is stored, and a list of 200 reports costs one publication, not 200.
 *
 * <p>JPA makes its own instances of this class and calls them on whatever thread flushes, where
 * neither CDI nor {@code java:comp} may be reachable (a message-driven bean's broker thread): the
 * registry and the publisher are handed over once at deployment ({@link MessageChanges}). Nothing
 * here may fail the write it watches: without them, or on any error, the change is not shown.
 */
public class MessageChangeListener {

    private static final Logger LOG = Logger.getLogger(MessageChangeListener.class);

    private static final Object KEY = MessageChangeListener.class;

    private record Publishing(TransactionSynchronizationRegistry transactions, MessageChanges publisher) {}

    private static volatile Publishing publishing;

    static void start(TransactionSynchronizationRegistry transactions, MessageChanges publisher) {
        publishing = new Publishing(transactions, publisher);
    }

    static void stop() {
        publishing = null;
    }

    @PostPersist
    void created(Message message) {
        collect(message, true);
    }

    @PostUpdate
    void changed(Message message) {
        collect(message, false);
    }

    private static void collect(Message message, boolean created) {
        Publishing to = publishing;
        if (to == null || !to.publisher().watched()) {
            return; // not deployed yet, being undeployed, or nobody watches: nothing to collect
        }
        try {
            TransactionSynchronizationRegistry transaction = to.transactions();
            if (transaction.getTransactionKey() == null) {
                return; // written outside a transaction: nothing commits it, so nothing is shown
            }
            @SuppressWarnings("unchecked")
            List<MessageChange> changes = (List<MessageChange>) transaction.getResource(KEY);
            if (changes == null) {
                changes = new ArrayList<>();
                transaction.putResource(KEY, changes);
                transaction.registerInterposedSynchronization(new PublishOnCommit(changes, to.publisher()));
            }
            changes.add(MessageChange.of(message, created));
        } catch (RuntimeException notShown) {
            LOG.debugf(notShown, "a change of message %s is not shown live", message.id());
        }
    }

    private record PublishOnCommit(List<MessageChange> changes, MessageChanges publisher) implements Synchronization {

        @Override
        public void beforeCompletion() {}

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                publisher.publish(changes);
            }
        }
    }
}
