package dev.smstrack.platform.messaging;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists taken off a queue by a message-driven bean: behind the message the broker hands the bean,
 * the messages waiting after it (up to a limit), in a local JMS transaction of the bean's own, so
 * that the whole list is acknowledged, or handed back, at once. One per bean instance; not shared
 * between threads.
 *
 * <p>The consumer lives only while it takes them: with a consumer window of 0 (the connection
 * factory's), a receive that returns nothing can still leave one message on its way to the consumer,
 * and a consumer kept open by a bean that then sits idle in the pool held such messages back for good
 * (measured: 5 callbacks stuck after a burst). Closing it hands them back to the queue; what it took
 * stays in the transaction.
 */
public final class QueueLists implements AutoCloseable {

    private final ConnectionFactory connections;
    private final Queue queue;
    private final int most;
    private JMSContext transaction;

    /** {@code connections} should buffer nothing ahead (consumer window 0). */
    public QueueLists(ConnectionFactory connections, Queue queue, int most) {
        this.connections = connections;
        this.queue = queue;
        this.most = most;
    }

    /** The first message and those waiting behind it, the first first. */
    public List<Message> take(Message first) {
        if (transaction == null) {
            transaction = connections.createContext(JMSContext.SESSION_TRANSACTED);
        }
        List<Message> taken = new ArrayList<>();
        taken.add(first);
        try (JMSConsumer waiting = transaction.createConsumer(queue)) {
            for (Message next; taken.size() < most && (next = waiting.receiveNoWait()) != null; ) {
                taken.add(next);
            }
        }
        return taken;
    }

    /** Acknowledges what {@link #take} took after the first (the first is acknowledged as the bean returns). */
    public void commit() {
        transaction.commit();
    }

    /** Hands back what {@link #take} took after the first, if it took anything; the broker redelivers it after its delay. */
    public void rollback() {
        if (transaction != null) {
            transaction.rollback();
        }
    }

    /** Reads each message of a list. */
    public static <T> List<T> read(List<Message> messages, Reader<T> reader) throws JMSException {
        List<T> read = new ArrayList<>(messages.size());
        for (Message message : messages) {
            read.add(reader.read(message));
        }
        return read;
    }

    /** Reads one message. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(Message message) throws JMSException;
    }

    @Override
    public void close() {
        if (transaction != null) {
            transaction.close();
        }
    }
}
