package dev.smstrack.sending;

import dev.smstrack.platform.Ids;
import dev.smstrack.platform.Texts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/** One request to send, and how its submission to Sinch went. */
@Entity
@Table(name = "submission")
public class Submission {

    public static final String PENDING = "PENDING";
    public static final String SUBMITTED = "SUBMITTED";
    public static final String REJECTED = "REJECTED";
    public static final String FAILED_TO_SUBMIT = "FAILED_TO_SUBMIT";

    private static final int MAX_ERROR_LENGTH = 500;

    @Id
    private String id;

    @Column(name = "idempotency_key", nullable = false)
    private String idempotencyKey;

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

    @Column(name = "updated_at_ms", nullable = false)
    private Instant updatedAt;

    protected Submission() {}

    Submission(String idempotencyKey, String sender, String deliveryReport, String body, SmsEncoding encoding) {
        this.id = Ids.newId();
        this.idempotencyKey = idempotencyKey == null ? id : idempotencyKey;
        this.status = PENDING;
        this.sender = sender;
        this.deliveryReport = deliveryReport;
        this.body = body;
        this.encoding = encoding.name();
        this.parts = encoding.parts();
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    void attempted(int attempt, String error) {
        this.attempts = attempt;
        this.errorText = cut(error);
        this.updatedAt = Instant.now();
    }

    void submitted(String batchId) {
        this.status = SUBMITTED;
        this.batchId = batchId;
        this.errorText = null;
        this.updatedAt = Instant.now();
    }

    void rejected(String code, String text) {
        this.status = REJECTED;
        this.errorCode = code;
        this.errorText = cut(text);
        this.updatedAt = Instant.now();
    }

    void failed(String reason) {
        this.status = FAILED_TO_SUBMIT;
        this.errorText = cut(reason);
        this.updatedAt = Instant.now();
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
}
