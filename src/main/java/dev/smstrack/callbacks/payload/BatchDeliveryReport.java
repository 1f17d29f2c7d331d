package dev.smstrack.callbacks.payload;

import dev.smstrack.statusevents.StatusEvent.Report;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    @Override
    public Optional<BatchDeliveryReport> summary() {
        boolean countsOnly = !statuses.isEmpty()
                && statuses.stream().allMatch(status -> status.recipients().isEmpty());
        return countsOnly ? Optional.of(this) : Optional.empty();
    }

    /**
     * A batch report carries no time of its own: its statuses count as reported when it arrived.
     * Listed recipients (a full report) each get their report; counts alone (a summary) are kept as
     * one batch-level report per status, about no recipient in particular.
     */
    @Override
    public List<Report> reports(Instant receivedAt) {
        List<Report> reports = new ArrayList<>();
        for (var status : statuses) {
            if (status.recipients().isEmpty()) {
                reports.add(new Report(
                        batchId,
                        null,
                        clientReference,
                        status.status(),
                        status.code(),
                        "count " + status.count(),
                        receivedAt));
            }
            for (String recipient : status.recipients()) {
                reports.add(new Report(
                        batchId, recipient, clientReference, status.status(), status.code(), null, receivedAt));
            }
        }
        return reports;
    }
}
