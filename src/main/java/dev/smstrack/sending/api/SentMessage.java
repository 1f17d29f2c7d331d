package dev.smstrack.sending.api;

import java.io.Serializable;

/** One message of a request: our id, its recipient, its status, and what it costs. */
public record SentMessage(String id, String recipient, String status, String encoding, int parts)
        implements Serializable {}
