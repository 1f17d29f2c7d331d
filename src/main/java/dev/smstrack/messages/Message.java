package dev.smstrack.messages;

import dev.smstrack.live.MessageChangeListener;
import dev.smstrack.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** One SMS to one recipient, and where its delivery stands. */
@Entity
@Table(name = "message")
@EntityListeners(MessageChangeListener.class)
public class Message {

    @Id
    private String id;

    @Column(name = "batch_id")
    private String batchId;

    @Column(nullable = false)
    private String recipient;

    @Column(name = "client_reference")
    private String clientReference;

    @Column(nullable = false)
    private String status;

    private Integer code;

    @Column(name = "status_at_ms")
    private Instant statusAt;

    private String encoding;

    private Integer parts;

    /** The operator that carried it, as Sinch last reported, and when that operator reported. */
    private String operator;

    @Column(name = "operator_status_at_ms")
    private Instant operatorStatusAt;

    /**
     * From sent (or its scheduled time) to the handset: to its operator's time of delivery, or Sinch's
     * where none.
     */
    @Column(name = "delivered_after_ms")
    private Long deliveredAfterMs;

    /** What Sinch's reports say it applied: the originator it chose, the encoding, the parts it counted. */
    @Column(name = "applied_originator")
    private String appliedOriginator;

    @Column(name = "reported_encoding")
    private String reportedEncoding;

    @Column(name = "reported_parts")
    private Integer reportedParts;

    /** When Sinch was to send it, if the send was scheduled; null when sent at once. */
    @Column(name = "scheduled_for_ms")
    private Instant scheduledFor;

    /** When the sender told Sinch it reached its recipient (delivery feedback). */
    @Column(name = "feedback_at_ms")
    private Instant feedbackAt;

    @Column(name = "created_at_ms", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at_ms", nullable = false)
    private Instant updatedAt;

    /** When reconciliation is next to look this message up at Sinch; null once it is final. */
    @Column(name = "next_check_at_ms")
    private Instant nextCheckAt;

    @Column(nullable = false)
    private int checks;

    protected Message() {}

    public Message(String recipient, String clientReference, String batchId) {
        this.id = Ids.newId();
        this.recipient = recipient;
        this.clientReference = clientReference;
        this.batchId = batchId;
        this.status = StatusLifecycle.PENDING;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    /** A message about to be sent: what it costs is known before Sinch is asked. */
    public Message(String recipient, String clientReference, String encoding, int parts) {
        this(recipient, clientReference, null);
        this.encoding = encoding;
        this.parts = parts;
    }

    /**
     * Sinch accepted the batch this message belongs to, to send at once or, if {@code scheduledFor}
     * is given, then.
     */
    public void submitted(String batchId, Instant at, Instant scheduledFor) {
        this.batchId = batchId;
        this.scheduledFor = scheduledFor;
        report(scheduledFor != null ? StatusLifecycle.SCHEDULED : StatusLifecycle.SUBMITTED, null, at);
    }

    /** When it went out to its recipient's way: when it was scheduled for, or created. */
    public Instant sentAt() {
        return sentAt(createdAt, scheduledFor);
    }

    static Instant sentAt(Instant createdAt, Instant scheduledFor) {
        return scheduledFor != null && scheduledFor.isAfter(createdAt) ? scheduledFor : createdAt;
    }

    /** Moves the current status to the reported one if the lifecycle allows; true if it moved. */
    public boolean report(String reportedStatus, Integer reportedCode, Instant reportedAt) {
        return report(reportedStatus, reportedCode, reportedAt, null, null);
    }

    /**
     * The same, for a report that may name the operator: the operator of the report that moved the
     * status is kept, or of any report while none is known.
     */
    public boolean report(
            String reportedStatus,
            Integer reportedCode,
            Instant reportedAt,
            String reportedOperator,
            Instant reportedOperatorAt) {
        boolean moves = StatusLifecycle.supersedes(reportedStatus, reportedAt, status, statusAt);
        if (reportedOperator != null && (moves || operator == null)) {
            operator = reportedOperator;
            operatorStatusAt = reportedOperatorAt;
        }
        if (!moves) {
            return false;
        }
        status = reportedStatus;
        code = reportedCode;
        statusAt = reportedAt;
        updatedAt = Instant.now();
        if (StatusLifecycle.isFinal(status)) {
            nextCheckAt = null;
        }
        if (!StatusLifecycle.isDelivered(status)) {
            deliveredAfterMs = null;
        } else if (deliveredAfterMs == null) {
            Instant deliveredAt = reportedOperatorAt != null ? reportedOperatorAt : reportedAt;
            deliveredAfterMs =
                    Math.max(0, Duration.between(sentAt(), deliveredAt).toMillis());
        }
        return true;
    }

    /**
     * Keeps what a report says Sinch applied, where it says it (each field only in some reports).
     * True when this is the first count of parts Sinch gave and it differs from our estimate.
     */
    public boolean applied(String originator, String encoding, Integer parts) {
        if (originator != null) {
            appliedOriginator = originator;
        }
        if (encoding != null) {
            reportedEncoding = encoding;
        }
        boolean firstDifferentCount = parts != null && reportedParts == null && !parts.equals(this.parts);
        if (parts != null) {
            reportedParts = parts;
        }
        return firstDifferentCount;
    }

    public void feedbackGiven(Instant at) {
        feedbackAt = at;
        updatedAt = at;
    }

    /** Reconciliation is to look this message up at Sinch then, unless a final report comes first. */
    public void checkAt(Instant at) {
        if (!StatusLifecycle.isFinal(status)) {
            nextCheckAt = at;
        }
    }

    /** Reconciliation looked it up: the next check is due after {@code wait}. */
    public void checked(Instant now, Duration wait) {
        checks++;
        checkAt(now.plus(wait));
    }

    /** How often reconciliation has looked it up. */
    public int checks() {
        return checks;
    }

    public String id() {
        return id;
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

    public Instant statusAt() {
        return statusAt;
    }

    public String encoding() {
        return encoding;
    }

    public Integer parts() {
        return parts;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String operator() {
        return operator;
    }

    public Instant operatorStatusAt() {
        return operatorStatusAt;
    }

    public String appliedOriginator() {
        return appliedOriginator;
    }

    public String reportedEncoding() {
        return reportedEncoding;
    }

    public Integer reportedParts() {
        return reportedParts;
    }

    public Instant feedbackAt() {
        return feedbackAt;
    }

    /** Null until it is delivered. */
    public Duration deliveredAfter() {
        return deliveredAfterMs == null ? null : Duration.ofMillis(deliveredAfterMs);
    }

    /** The same in milliseconds, as the API and the dashboard show it; null until delivered. */
    public Long deliveredAfterMs() {
        return deliveredAfterMs;
    }
}
