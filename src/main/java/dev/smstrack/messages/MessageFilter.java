package dev.smstrack.messages;

import java.time.Instant;
import java.util.List;

/**
 * Optional filters of the message list; null means any. A status is given in each spelling it may
 * be stored in; sent from (inclusive) and before (exclusive) bound when it was sent; final, when
 * given, keeps only the messages whose status is final (true) or not yet (false).
 */
public record MessageFilter(
        String batchId,
        String recipient,
        String clientReference,
        List<String> statuses,
        Instant sentFrom,
        Instant sentBefore,
        Boolean isFinal) {}
