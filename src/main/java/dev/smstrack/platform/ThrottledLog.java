package dev.smstrack.platform;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A log that a flood cannot fill: at most one line per key (a fixed reason, never a caller's
 * input) in each interval. A line says how many were left out for its key since the one before, so
 * that nothing is hidden; the metrics still count each event.
 */
public final class ThrottledLog {

    private final Logger log;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    private static final class Slot {
        boolean written;
        long nextAt;
        long leftOut;
    }

    public ThrottledLog(Logger log, Duration interval) {
        this(log, interval, System::nanoTime);
    }

    ThrottledLog(Logger log, Duration interval, LongSupplier nanoClock) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Logs the message at WARNING, unless a line of this key was written within the interval. */
    public void warning(String key, Supplier<String> message) {
        if (!log.isLoggable(Level.WARNING)) {
            return;
        }
        Slot slot = slots.computeIfAbsent(key, unused -> new Slot());
        long leftOut;
        synchronized (slot) {
            long now = nanoClock.getAsLong();
            if (slot.written && now - slot.nextAt < 0) {
                slot.leftOut++;
                return;
            }
            slot.written = true;
            slot.nextAt = now + intervalNanos;
            leftOut = slot.leftOut;
            slot.leftOut = 0;
        }
        log.warning(() -> leftOut == 0
                ? message.get()
                : message.get() + " (" + leftOut + " more like it left out of the log since the last line)");
    }
}
