package dev.smstrack.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Group commit: threads that each have an item to commit at about the same time commit them
 * together, in one transaction, and each returns only once its own item is committed. Up to a
 * number of writers commit at once; every other thread waits, and takes its turn to write all the
 * items waiting by then when a writer is free. A list that fails as a whole is committed again one
 * item at a time, so that only an item that fails alone (twice) fails its thread. The items live
 * only as long as their threads wait: nothing is kept here across a crash.
 */
public final class GroupCommit<T> {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());

    /** A safety net only: a waiting thread is woken when its item is done or its turn comes. */
    private static final long LONGEST_PARK = TimeUnit.MILLISECONDS.toNanos(50);

    private final String name;
    private final Consumer<List<T>> commit;
    private final int mostPerCommit;
    private final Semaphore writers;
    private final Queue<Waiting<T>> waiting = new ConcurrentLinkedQueue<>();

    /** {@code commit} commits a list of items in one transaction, or throws. */
    public GroupCommit(String name, Consumer<List<T>> commit, int writers, int mostPerCommit) {
        this.name = name;
        this.commit = commit;
        this.writers = new Semaphore(writers);
        this.mostPerCommit = mostPerCommit;
    }

    /** Commits the item, with others that arrive meanwhile; returns once it is committed. */
    public void commit(T item) {
        var mine = new Waiting<>(item, Thread.currentThread());
        waiting.add(mine);
        while (!mine.done) {
            if (writers.tryAcquire()) {
                try {
                    commitWaiting();
                } finally {
                    writers.release();
                }
                wakeNext();
            } else {
                LockSupport.parkNanos(this, LONGEST_PARK);
            }
        }
        if (mine.failure instanceof Error error) {
            throw error;
        }
        if (mine.failure != null) {
            throw (RuntimeException) mine.failure;
        }
    }

    private void commitWaiting() {
        List<Waiting<T>> batch = new ArrayList<>();
        for (Waiting<T> next; batch.size() < mostPerCommit && (next = waiting.poll()) != null; ) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            commit.accept(batch.stream().map(each -> each.item).toList());
            batch.forEach(each -> each.finish(null));
        } catch (RuntimeException | Error e) {
            // Any throwable: every item of the list must finish, or its thread (and JMS group) waits forever.
            // A list of one has just failed alone once already.
            int attemptsAlone = batch.size() == 1 ? 1 : 2;
            if (batch.size() > 1) {
                LOG.info(() -> name + ": " + batch.size() + " failed together (" + e + "); committing them one by one");
            }
            batch.forEach(one -> commitAlone(one, attemptsAlone));
        }
    }

    /**
     * Twice if need be: an item that conflicted with a concurrent transaction (the same item
     * committed by another writer at the same moment) finds that transaction committed by then.
     */
    private void commitAlone(Waiting<T> one, int attempts) {
        for (int attempt = 1; ; attempt++) {
            try {
                commit.accept(List.of(one.item));
                one.finish(null);
                return;
            } catch (RuntimeException | Error e) {
                if (attempt == attempts) {
                    one.finish(e);
                    return;
                }
            }
        }
    }

    /** The next waiting thread takes its turn to write, now that a writer is free. */
    private void wakeNext() {
        Waiting<T> next = waiting.peek();
        if (next != null) {
            LockSupport.unpark(next.thread);
        }
    }

    private static final class Waiting<T> {
        private final T item;
        private final Thread thread;
        private volatile boolean done;
        private volatile Throwable failure;

        Waiting(T item, Thread thread) {
            this.item = item;
            this.thread = thread;
        }

        void finish(Throwable failure) {
            this.failure = failure;
            this.done = true;
            LockSupport.unpark(thread);
        }
    }
}
