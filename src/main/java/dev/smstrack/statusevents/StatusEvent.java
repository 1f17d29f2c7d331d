package dev.smstrack.statusevents;

import dev.smstrack.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One delivery status Sinch reported for one recipient. Matched to its message, or parked (no
 * message yet) until the message appears.
 */
@Entity
@Table(name = "status_event")
public class StatusEvent {

    @Id
    private String id;

    @Column(name = "callback_id", nullable = false)
    private String callbackId;

    @Column(name = "message_id")
    private String messageId;

    @Column(name = "batch_id", nullable = false)
    private String batchId;

    private String recipient;

    @Column(name = "client_reference")
    private String clientReference;

    @Column(nullable = false)
    private String status;

    private Integer code;

    private String reason;

    private String operator;

    @Column(name = "operator_status_at_ms")
    private Instant operatorStatusAt;

    @Column(name = "applied_originator")
    private String appliedOriginator;

    private String encoding;

    private Integer parts;

    @Column(name = "reported_at_ms", nullable = false)
    private Instant reportedAt;

    @Column(name = "received_at_ms", nullable = false)
    private Instant receivedAt;

    protected StatusEvent() {}

    /** A report as Sinch sent it; the callback it came in holds the raw payload. */
    public StatusEvent(String callbackId, Report report, Instant receivedAt) {
        this.id = Ids.newId();
        this.callbackId = callbackId;
        this.batchId = report.batchId();
        this.recipient = report.recipient();
        this.clientReference = report.clientReference();
        this.status = report.status();
        this.code = report.code();
        this.reason = report.reason();
        this.operator = report.operator();
        this.operatorStatusAt = report.operatorStatusAt();
        this.appliedOriginator = report.applied().originator();
        this.encoding = report.applied().encoding();
        this.parts = report.applied().parts();
        this.reportedAt = report.at();
        this.receivedAt = receivedAt;
    }

    /**
     * What a delivery report says, whichever callback type carried it; the operator and its time,
     * and what Sinch applied, only where Sinch reports them (recipient reports of the SMS API).
     */
    public record Report(
            String batchId,
            String recipient,
            String clientReference,
            String status,
            Integer code,
            String reason,
            Instant at,
            String operator,
            Instant operatorStatusAt,
            Applied applied) {

        public Report {
            applied = applied == null ? Applied.NONE : applied;
        }

        /** A report that names no operator. */
        public Report(
                String batchId,
                String recipient,
                String clientReference,
                String status,
                Integer code,
                String reason,
                Instant at) {
            this(batchId, recipient, clientReference, status, code, reason, at, null, null, Applied.NONE);
        }
    }

    /**
     * What Sinch says it applied to the message: the default originator it chose (none was given),
     * the encoding ({@code GSM} or {@code UNICODE}, with smart encoding), the parts it counted (when a
     * most was set). Each may be null.
     */
    public record Applied(String originator, String encoding, Integer parts) {

        public static final Applied NONE = new Applied(null, null, null);
    }

    /** What Sinch applied, as this report says. */
    public Applied applied() {
        return new Applied(appliedOriginator, encoding, parts);
    }

    public void matchTo(String messageId) {
        this.messageId = messageId;
    }

    public String id() {
        return id;
    }

    public String callbackId() {
        return callbackId;
    }

    public String messageId() {
        return messageId;
    }

    public String batchId() {
        return batchId;
    }

    public String recipient() {
        return recipient;
    }

    public String clientReference() {
        return clientReference;
    }

    public String status() {
        return status;
    }

    public Integer code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    public String operator() {
        return operator;
    }

    public Instant operatorStatusAt() {
        return operatorStatusAt;
    }

    public Instant reportedAt() {
        return reportedAt;
    }

    public Instant receivedAt() {
        return receivedAt;
    }
}
