package dev.smstrack.processing;

import dev.smstrack.callbacks.QueuedCallback;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;

/**
 * Group commit for the consumer's sessions: the callbacks they take off the queue at about the same
 * time are applied together, in one database transaction, and each session returns only once its
 * callback is committed, so that the broker's acknowledgement still follows the database. A list
 * that fails as a whole is applied again one callback at a time: only a callback that fails alone
 * fails its session, to be redelivered. Nothing waits here across a crash: an unacknowledged
 * callback is redelivered by the broker.
 */
@ApplicationScoped
public class CallbackBatches {

    private static final Logger LOG = Logger.getLogger(CallbackBatches.class.getName());

    /** Transactions at once: enough to keep the database busy, few enough for long lists. */
    static final int WRITERS = 4;

    static final int MOST_PER_TRANSACTION = 64;

    /** A safety net only: a waiting session is woken when its callback is done or its turn comes. */
    private static final long LONGEST_PARK = TimeUnit.MILLISECONDS.toNanos(50);

    private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();

    private final Semaphore writers = new Semaphore(WRITERS);

    @Inject
    Callbacks callbacks;

    /** Applies the callback, with others that arrive meanwhile; returns once it is committed. */
    public void apply(QueuedCallback callback) {
        var mine = new Waiting(callback, Thread.currentThread());
        waiting.add(mine);
        while (!mine.isDone()) {
            if (writers.tryAcquire()) {
                try {
                    applyWaiting();
                } finally {
                    writers.release();
                }
                wakeNext();
            } else {
                LockSupport.parkNanos(this, LONGEST_PARK);
            }
        }
        mine.rethrowFailure();
    }

    private void applyWaiting() {
        List<Waiting> batch = new ArrayList<>();
        for (Waiting next; batch.size() < MOST_PER_TRANSACTION && (next = waiting.poll()) != null; ) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            callbacks.apply(batch.stream().map(Waiting::callback).toList());
            batch.forEach(each -> each.finish(null));
        } catch (RuntimeException e) {
            if (batch.size() > 1) {
                LOG.info(() -> batch.size() + " callbacks failed together (" + e + "); applying them one by one");
            }
            batch.forEach(this::applyAlone);
        }
    }

    private void applyAlone(Waiting one) {
        try {
            callbacks.apply(List.of(one.callback()));
            one.finish(null);
        } catch (RuntimeException e) {
            one.finish(e);
        }
    }

    /** The next waiting session takes its turn to write, now that a writer is free. */
    private void wakeNext() {
        Waiting next = waiting.peek();
        if (next != null) {
            LockSupport.unpark(next.session);
        }
    }

    private static final class Waiting {
        private final QueuedCallback callback;
        private final Thread session;
        private volatile boolean done;
        private volatile RuntimeException failure;

        Waiting(QueuedCallback callback, Thread session) {
            this.callback = callback;
            this.session = session;
        }

        QueuedCallback callback() {
            return callback;
        }

        boolean isDone() {
            return done;
        }

        void finish(RuntimeException failure) {
            this.failure = failure;
            this.done = true;
            LockSupport.unpark(session);
        }

        void rethrowFailure() {
            if (failure != null) {
                throw failure;
            }
        }
    }
}
