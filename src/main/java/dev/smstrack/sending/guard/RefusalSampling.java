package dev.smstrack.sending.guard;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which refusals are kept: at most one a second for each user and rule on a node, so that a caller
 * sending refused requests in a loop (a leaked password trying every destination) cannot fill the
 * database with them. The metric still counts every one.
 */
@ApplicationScoped
public class RefusalSampling {

    static final Duration EVERY = Duration.ofSeconds(1);
    private static final int MOST_REMEMBERED = 10_000;

    private final Map<String, Instant> lastKept = new ConcurrentHashMap<>();

    /** Whether to keep this refusal, and if so, remembers that one was kept now. */
    boolean keep(String user, Refusal.Rule rule, Instant at) {
        if (lastKept.size() > MOST_REMEMBERED) {
            lastKept.values().removeIf(kept -> kept.isBefore(at.minus(EVERY)));
        }
        boolean[] kept = {false};
        lastKept.compute(user + '\u0000' + rule, (key, last) -> {
            if (last == null || !at.isBefore(last.plus(EVERY))) {
                kept[0] = true;
                return at;
            }
            return last;
        });
        return kept[0];
    }

    /** How many users and rules are remembered now. */
    int remembered() {
        return lastKept.size();
    }
}
