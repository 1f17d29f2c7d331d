package dev.smstrack.platform.web;

import java.util.List;

/** One page of a list answer: the items, where they start, and how many there are in all. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 500;
}
