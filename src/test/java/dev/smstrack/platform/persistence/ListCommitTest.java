package dev.smstrack.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ListCommitTest {

    @Test
    void aListThatCommitsIsCommittedOnce() {
        List<List<Integer>> commits = new ArrayList<>();

        var failures = ListCommit.commit("test", List.of(1, 2, 3), commits::add);

        assertEquals(List.of(), failures);
        assertEquals(List.of(List.of(1, 2, 3)), commits);
    }

    /** An Error in a list fails only the item that causes it; every other item is committed. */
    @Test
    void onlyTheItemThatFailsAloneFailsEvenOnAnError() {
        List<Integer> committed = new ArrayList<>();
        List<Integer> items = IntStream.range(0, 20).boxed().toList();

        var failures = ListCommit.commit("test", items, list -> {
            if (list.contains(13)) {
                throw new StackOverflowError("item 13");
            }
            committed.addAll(list);
        });

        assertEquals(1, failures.size());
        assertEquals(13, failures.get(0).item());
        assertEquals(StackOverflowError.class, failures.get(0).cause().getClass());
        assertEquals(19, committed.size());
    }

    /** A conflict with a concurrent transaction is over by the second attempt: one more transaction, not one per item. */
    @Test
    void aListThatFailsOnceIsCommittedWholeOnItsSecondAttempt() {
        List<List<Integer>> attempts = new ArrayList<>();
        var failures = ListCommit.commit("test", List.of(1, 2, 3), list -> {
            attempts.add(list);
            if (attempts.size() == 1) {
                throw new IllegalStateException("conflict");
            }
        });

        assertEquals(List.of(), failures);
        assertEquals(List.of(List.of(1, 2, 3), List.of(1, 2, 3)), attempts);
    }

    @Test
    void anItemIsTriedAloneTwiceBeforeItFails() {
        List<List<Integer>> attempts = new ArrayList<>();
        var failures = ListCommit.commit("test", List.of(1, 2), list -> {
            attempts.add(list);
            if (attempts.size() <= 3) {
                throw new IllegalStateException("conflict");
            }
        });

        assertEquals(List.of(), failures);
        assertEquals(List.of(List.of(1, 2), List.of(1, 2), List.of(1), List.of(1), List.of(2)), attempts);
    }

    @Test
    void aListOfOneIsTriedTwiceInAll() {
        List<List<Integer>> attempts = new ArrayList<>();
        var failures = ListCommit.commit("test", List.of(7), list -> {
            attempts.add(list);
            throw new IllegalStateException("broken");
        });

        assertEquals(1, failures.size());
        assertEquals(2, attempts.size());
    }
}
