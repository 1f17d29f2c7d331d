package dev.smstrack.platform.persistence;

import dev.smstrack.platform.PhoneNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Commits a list of items in one transaction. A list that fails is tried once more as a whole: what
 * fails most lists is a conflict with a concurrent transaction (the same item committed elsewhere at
 * the same moment, as when a callback arrives twice at once), which is over by then, and one more
 * transaction costs less than one per item. A list that fails again is committed each item alone,
 * so that only an item that fails on its own fails; each is tried alone twice, for the same reason.
 * Any throwable counts, an {@link Error} included: every item ends.
 */
public final class ListCommit {

    private static final Logger LOG = Logger.getLogger(ListCommit.class.getName());

    private ListCommit() {}

    /** An item that failed alone, and why. */
    public record Failure<T>(T item, Throwable cause) {}

    /** {@code commit} commits a list in one transaction, or throws; returns the items that failed alone. */
    public static <T> List<Failure<T>> commit(String name, List<T> items, Consumer<List<T>> commit) {
        for (int attempt = 1; attempt <= (items.size() > 1 ? 2 : 1); attempt++) {
            try {
                commit.accept(items);
                return List.of();
            } catch (RuntimeException | Error listFailure) {
                if (items.size() > 1) {
                    String next = attempt == 1 ? "trying them together again" : "committing them one by one";
                    LOG.info(() -> name + ": " + items.size() + " failed together ("
                            + PhoneNumbers.maskedIn(String.valueOf(listFailure)) + "); " + next);
                }
            }
        }
        // A list of one has just failed alone once already.
        int attemptsAlone = items.size() == 1 ? 1 : 2;
        List<Failure<T>> failures = new ArrayList<>();
        for (T item : items) {
            Throwable last = null;
            for (int attempt = 1; attempt <= attemptsAlone; attempt++) {
                try {
                    commit.accept(List.of(item));
                    last = null;
                    break;
                } catch (RuntimeException | Error e) {
                    last = e;
                }
            }
            if (last != null) {
                failures.add(new Failure<>(item, last));
            }
        }
        return failures;
    }
}
