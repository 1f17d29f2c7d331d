package dev.smstrack.messages;

import java.util.List;

/** Optional filters of the message list; null means any. A status is given in each spelling it may be stored in. */
public record MessageFilter(String batchId, String recipient, String clientReference, List<String> statuses) {}
