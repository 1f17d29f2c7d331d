package dev.smstrack.sending.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The messages created for a request, one per recipient, as they stand now.
 *
 * @param requestId our id of the request, sent to Sinch as client_reference
 * @param status PENDING until Sinch answered, then SUBMITTED, REJECTED or FAILED_TO_SUBMIT; CANCELLED
 * @param batchId Sinch's batch id, once submitted
 * @param error Sinch's error code and text when rejected, or why the submission failed
 * @param attempts how often it was submitted to Sinch so far
 * @param messages one per recipient
 * @param sendAt when Sinch is to send it, if it was scheduled; null when sent at once
 */
public record SendResult(
        String requestId,
        String status,
        String batchId,
        String error,
        int attempts,
        List<SentMessage> messages,
        Instant sendAt)
        implements Serializable {}
