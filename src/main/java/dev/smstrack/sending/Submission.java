package dev.smstrack.sending;

import dev.smstrack.messages.SmsEncoding;
import dev.smstrack.platform.Ids;
import dev.smstrack.platform.Texts;
import dev.smstrack.sending.api.SendOptions;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;

/** One request to send, and how its submission to Sinch went. */
@Entity
@Table(name = "submission")
public class Submission {

    public static final String PENDING = "PENDING";
    public static final String SUBMITTED = "SUBMITTED";
    public static final String REJECTED = "REJECTED";
    public static final String FAILED_TO_SUBMIT = "FAILED_TO_SUBMIT";
    public static final String CANCELLED = "CANCELLED";

    private static final int MAX_ERROR_LENGTH = 500;

    @Id
    private String id;

    @Column(name = "idempotency_key", nullable = false)
    private String idempotencyKey;

    @Column(name = "request_digest")
    private String requestDigest;

    @Column(name = "requested_by")
    private String requestedBy;

    @Column(nullable = false)
    private String status;

    @Column(name = "batch_id")
    private String batchId;

    private String sender;

    @Column(name = "delivery_report", nullable = false)
    private String deliveryReport;

    @Lob
    @Column(nullable = false)
    private String body;

    @Column(nullable = false)
    private String encoding;

    @Column(nullable = false)
    private int parts;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "error_code")
    private String errorCode;

    @Column(name = "error_text")
    private String errorText;

    @Column(name = "created_at_ms", nullable = false)
    private Instant createdAt;

    /** When Sinch is to send it; null: at once. */
    @Column(name = "send_at_ms")
    private Instant sendAt;

    @Column(name = "expire_at_ms")
    private Instant expireAt;

    /** Sinch's batch parameters, as JSON; null once it left PENDING, or when none were given. */
    @Lob
    private String parameters;

    @Column(nullable = false)
    private boolean flash;

    @Column(name = "max_parts")
    private Integer maxParts;

    @Column(name = "feedback_enabled", nullable = false)
    private boolean feedbackEnabled;

    /** The queue delivery whose attempt is under way, and until when no other may claim one. */
    @Column(name = "attempt_delivery")
    private String attemptDelivery;

    @Column(name = "attempt_lease_until_ms")
    private Instant attemptLeaseUntil;

    @Column(name = "updated_at_ms", nullable = false)
    private Instant updatedAt;

    protected Submission() {}

    Submission(
            IdempotencyKey key,
            String requestedBy,
            String sender,
            String deliveryReport,
            String body,
            SmsEncoding encoding,
            SendOptions options) {
        this.id = Ids.newId();
        this.idempotencyKey = key == null ? id : key.scoped();
        this.requestDigest = key == null ? null : key.requestDigest();
        this.requestedBy = requestedBy;
        this.status = PENDING;
        this.sender = sender;
        this.deliveryReport = deliveryReport;
        this.body = body;
        this.encoding = encoding.name();
        this.parts = encoding.parts();
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
        this.sendAt = options.sendAt();
        this.expireAt = options.expireAt();
        this.parameters = options.parameters().isEmpty() ? null : ParameterJson.write(options.parameters());
        this.flash = options.flash();
        this.maxParts = options.maxParts();
        this.feedbackEnabled = options.feedbackEnabled();
    }

    /** The options it was sent with; parameters only while it is PENDING (they hold numbers). */
    SendOptions options() {
        return new SendOptions(
                sendAt,
                expireAt,
                parameters == null ? Map.of() : ParameterJson.read(parameters),
                flash,
                maxParts,
                feedbackEnabled);
    }

    /** True while Sinch holds it: scheduled for later than {@code now}. */
    boolean isScheduledAfter(Instant now) {
        return sendAt != null && sendAt.isAfter(now);
    }

    /** True while another delivery's attempt may be calling Sinch. */
    boolean isHeldByAnother(String delivery, Instant now) {
        return attemptLeaseUntil != null && attemptLeaseUntil.isAfter(now) && !attemptDelivery.equals(delivery);
    }

    /** True when this delivery's claim is the one recorded (its lease may have run out). */
    boolean isClaimedBy(String delivery) {
        return delivery.equals(attemptDelivery);
    }

    void claimed(String delivery, Instant until) {
        this.attemptDelivery = delivery;
        this.attemptLeaseUntil = until;
    }

    void released() {
        this.attemptDelivery = null;
        this.attemptLeaseUntil = null;
    }

    boolean isCancelled() {
        return CANCELLED.equals(status);
    }

    boolean feedbackEnabled() {
        return feedbackEnabled;
    }

    void cancelled() {
        this.status = CANCELLED;
        this.parameters = null;
        this.updatedAt = Instant.now();
    }

    void attempted(int attempt, String error) {
        this.attempts = attempt;
        this.errorText = cut(error);
        this.updatedAt = Instant.now();
    }

    void submitted(String batchId) {
        this.status = SUBMITTED;
        this.batchId = batchId;
        this.parameters = null;
        this.errorText = null;
        this.updatedAt = Instant.now();
    }

    void rejected(String code, String text) {
        this.status = REJECTED;
        this.parameters = null;
        this.errorCode = code;
        this.errorText = cut(text);
        this.updatedAt = Instant.now();
    }

    void failed(String reason) {
        this.status = FAILED_TO_SUBMIT;
        this.parameters = null;
        this.errorText = cut(reason);
        this.updatedAt = Instant.now();
    }

    /** True unless this was created for another request under the same key (unknown before V4: same). */
    boolean isFor(IdempotencyKey key) {
        return requestDigest == null || requestDigest.equals(key.requestDigest());
    }

    boolean isPending() {
        return PENDING.equals(status);
    }

    /** Sinch's error for a rejection, or why the submission failed; null otherwise. */
    String error() {
        if (errorCode != null) {
            return errorCode + ": " + errorText;
        }
        return isPending() || SUBMITTED.equals(status) ? null : errorText;
    }

    private static String cut(String text) {
        return Texts.cut(text, MAX_ERROR_LENGTH);
    }

    public String id() {
        return id;
    }

    public String status() {
        return status;
    }

    public String batchId() {
        return batchId;
    }

    public String sender() {
        return sender;
    }

    public String deliveryReport() {
        return deliveryReport;
    }

    public String body() {
        return body;
    }

    public int attempts() {
        return attempts;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant sendAt() {
        return sendAt;
    }

    public String requestedBy() {
        return requestedBy;
    }
}
