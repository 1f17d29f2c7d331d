package dev.smstrack.callbacks;

import java.time.Instant;

/** recipient_delivery_report_sms|mms: the status of one recipient of a batch. */
public record RecipientDeliveryReport(
        String type,
        String batchId,
        String recipient,
        String status,
        Integer code,
        Instant at,
        String clientReference,
        String statusMessage)
        implements Callback {

    @Override
    public String dedupKey() {
        return Digests.sha256(type, batchId, recipient, status.toLowerCase(), code, at.toEpochMilli());
    }

    @Override
    public String orderingKey() {
        return batchId + "/" + recipient;
    }
}
