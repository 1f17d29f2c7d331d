package dev.smstrack.erasure;

/** What an erasure touched: its audit id, and how many of each it changed or removed. */
public record Erased(
        String id,
        int messages,
        int statusEvents,
        int callbacks,
        int inboundMessages,
        int submissions,
        int deadLetters) {}
