package dev.smstrack.callbacks.payload;

import dev.smstrack.platform.Digests;
import dev.smstrack.statusevents.StatusEvent.Applied;
import dev.smstrack.statusevents.StatusEvent.Report;
import java.time.Instant;
import java.util.List;

/**
 * recipient_delivery_report_sms|mms: the status of one recipient of a batch, and where Sinch knows
 * them, the operator that carried it and when that operator reported the status.
 */
public record RecipientDeliveryReport(
        String type,
        String batchId,
        String recipient,
        String status,
        Integer code,
        Instant at,
        String clientReference,
        String statusMessage,
        String operator,
        Instant operatorStatusAt,
        Applied applied)
        implements Callback {

    public RecipientDeliveryReport {
        FieldLimits.atMost(FieldLimits.ID, "batch_id", batchId);
        FieldLimits.atMost(FieldLimits.RECIPIENT, "recipient", recipient);
        FieldLimits.atMost(FieldLimits.STATUS, "status", status);
        FieldLimits.atMost(FieldLimits.REFERENCE, "client_reference", clientReference);
        statusMessage = FieldLimits.cut(FieldLimits.REASON, statusMessage);
        operator = FieldLimits.cut(FieldLimits.OPERATOR, operator);
        applied = new Applied(
                FieldLimits.cut(FieldLimits.ORIGINATOR, applied.originator()),
                FieldLimits.cut(FieldLimits.ENCODING, applied.encoding()),
                applied.parts() != null && applied.parts() > 0 ? applied.parts() : null);
    }

    @Override
    public String dedupKey() {
        return Digests.sha256(type, batchId, recipient, status.toLowerCase(), code, at.toEpochMilli());
    }

    @Override
    public List<Report> reports(Instant receivedAt) {
        return List.of(new Report(
                batchId,
                recipient,
                clientReference,
                status,
                code,
                statusMessage,
                at,
                operator,
                operatorStatusAt,
                applied));
    }
}
