package dev.smstrack.platform;

import jakarta.ws.rs.BadRequestException;
import java.util.List;

/** One page of a list answer: the items, where they start, and how many there are in all. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 500;

    /** Checks page parameters from a query string. */
    public static void check(int page, int size) {
        if (page < 0) {
            throw new BadRequestException("page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new BadRequestException("size must be between 1 and " + MAX_SIZE);
        }
    }

    public int first() {
        return page * size;
    }
}
