package dev.smstrack.sending.api;

import java.io.Serializable;
import java.util.List;

/**
 * An SMS to send.
 *
 * @param to recipients in E.164, 1 to 1000
 * @param body the text, at most 2000 characters
 * @param from the sender; the configured default when null
 * @param clientReference the caller's idempotency key (at most 128 characters); may be null
 * @param deliveryReport Sinch's delivery report kind; the configured default when null
 */
public record SendRequest(List<String> to, String body, String from, String clientReference, String deliveryReport)
        implements Serializable {}
