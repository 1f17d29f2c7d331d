package dev.smstrack.inbound;

import java.time.Instant;

/** An inbound message as the read API shows it. */
public record InboundMessageView(
        String id,
        String sinchId,
        String type,
        String from,
        String to,
        String body,
        String clientReference,
        Instant sentAt,
        Instant receivedAt,
        String callbackId) {}
