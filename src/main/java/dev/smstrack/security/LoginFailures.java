package dev.smstrack.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins counted, and the guesser stopped: after {@code perUser} failures for one name from
 * one address within the window, or {@code perAddress} failures from one address whatever the
 * names, that name from that address (or that address) is refused for the window's length. A
 * success clears its name's count. Other names, and other addresses, are never held back by a
 * guesser's failures below the address's limit.
 */
final class LoginFailures {

    /** Past it, expired counts are swept; a flood of new names and addresses cannot grow it without bound. */
    static final int MOST_TRACKED = 100_000;

    private final int perUser;
    private final int perAddress;
    private final Duration window;
    private final Map<String, Count> counts = new ConcurrentHashMap<>();

    private static final class Count {
        volatile Instant since;
        int failures;
        volatile Instant refusedUntil = Instant.MIN;
    }

    LoginFailures(int perUser, int perAddress, Duration window) {
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.window = window;
    }

    /** How long this name from this address is still refused, if it is. */
    Optional<Duration> refusedFor(String name, String address, Instant now) {
        Instant until = later(refusedUntil(pairKey(name, address)), refusedUntil(addressKey(address)));
        return now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    void failed(String name, String address, Instant now) {
        if (counts.size() >= MOST_TRACKED) {
            counts.values()
                    .removeIf(count -> count.since.plus(window).isBefore(now) && count.refusedUntil.isBefore(now));
            if (counts.size() >= MOST_TRACKED) {
                return; // an address still counts, as the address's own limit was not reached either
            }
        }
        count(pairKey(name, address), perUser, now);
        count(addressKey(address), perAddress, now);
    }

    void succeeded(String name, String address) {
        counts.remove(pairKey(name, address));
    }

    private void count(String key, int limit, Instant now) {
        counts.compute(key, (unused, count) -> {
            if (count == null || count.since.plus(window).isBefore(now)) {
                count = new Count();
                count.since = now;
            }
            count.failures++;
            if (count.failures >= limit) {
                count.refusedUntil = now.plus(window);
            }
            return count;
        });
    }

    private Instant refusedUntil(String key) {
        Count count = counts.get(key);
        return count == null ? Instant.MIN : count.refusedUntil;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String pairKey(String name, String address) {
        return "name " + name + " from " + address;
    }

    private static String addressKey(String address) {
        return "address " + address;
    }
}
