package dev.smstrack.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class GroupCommitTest {

    /** An Error in a list fails only the item that causes it; every other thread returns. */
    @Test
    @Timeout(30)
    void everyItemFinishesWhenAListThrowsAnError() throws Exception {
        List<Integer> committed = Collections.synchronizedList(new ArrayList<>());
        var started = new CountDownLatch(1);
        var commits = new GroupCommit<Integer>(
                "test",
                items -> {
                    awaitQuietly(started);
                    if (items.contains(13)) {
                        throw new StackOverflowError("item 13");
                    }
                    committed.addAll(items);
                },
                1,
                64);
        var threads = Executors.newFixedThreadPool(20);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int item = 0; item < 20; item++) {
                int each = item;
                done.add(threads.submit(() -> commits.commit(each)));
            }
            started.countDown();
            for (int item = 0; item < 20; item++) {
                if (item == 13) {
                    var failure = assertThrows(
                            ExecutionException.class, () -> done.get(13).get(10, TimeUnit.SECONDS));
                    assertEquals(StackOverflowError.class, failure.getCause().getClass());
                } else {
                    done.get(item).get(10, TimeUnit.SECONDS);
                }
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(19, committed.size());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
