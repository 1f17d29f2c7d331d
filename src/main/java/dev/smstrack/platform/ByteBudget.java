package dev.smstrack.platform;

import java.util.concurrent.atomic.AtomicLong;

/** Bytes that many holders share up to a fixed total: each reserves before it holds, and gives back. */
public final class ByteBudget {

    private final long total;
    private final AtomicLong held = new AtomicLong();

    public ByteBudget(long total) {
        this.total = total;
    }

    /** Takes {@code bytes} of the budget, or nothing and false when they would exceed it. */
    public boolean reserve(long bytes) {
        long now = held.addAndGet(bytes);
        if (now > total) {
            held.addAndGet(-bytes);
            return false;
        }
        return true;
    }

    public void release(long bytes) {
        held.addAndGet(-bytes);
    }
}
