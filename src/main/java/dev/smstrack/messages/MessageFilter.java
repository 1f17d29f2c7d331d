package dev.smstrack.messages;

/** Optional filters of the message list; null means any. */
public record MessageFilter(String batchId, String recipient, String clientReference, String status) {}
