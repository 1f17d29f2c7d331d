package dev.smstrack.callbacks.payload;

import java.util.List;

/**
 * delivery_report_sms|mms: the final statuses of a whole batch, as counts (summary) or with the
 * recipients of each status (full).
 */
public record BatchDeliveryReport(
        String type, String batchId, String clientReference, List<StatusCount> statuses, String dedupKey)
        implements Callback {

    /** How many recipients of the batch ended in one status; recipients only in full reports. */
    public record StatusCount(String status, Integer code, Integer count, List<String> recipients) {

        public StatusCount {
            FieldLimits.atMost(FieldLimits.STATUS, "statuses[].status", status);
            recipients.forEach(
                    recipient -> FieldLimits.atMost(FieldLimits.RECIPIENT, "statuses[].recipients", recipient));
        }
    }

    public BatchDeliveryReport {
        FieldLimits.atMost(FieldLimits.ID, "batch_id", batchId);
        FieldLimits.atMost(FieldLimits.REFERENCE, "client_reference", clientReference);
    }

    /** A summary: counts only, no recipient named (a full report names them). */
    public boolean isSummary() {
        return !statuses.isEmpty()
                && statuses.stream().allMatch(status -> status.recipients().isEmpty());
    }
}
