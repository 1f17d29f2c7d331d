package dev.smstrack.processing;

import dev.smstrack.platform.Texts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/** A callback as Sinch sent it, kept once whatever became of it. */
@Entity
@Table(name = "callback")
public class ReceivedCallback {

    /** What processing made of a callback. */
    public enum Outcome {
        /** Applied to messages, status events or inbound messages. */
        APPLIED,
        /** Of a type this product does not apply: kept for operators. */
        KEPT,
        /** Authentic but unreadable (answered 400): kept for operators. */
        REJECTED
    }

    // The sizes of the columns: an unknown type or a long problem is kept, shortened.
    private static final int MAX_TYPE_LENGTH = 64;
    private static final int MAX_PROBLEM_LENGTH = 500;

    @Id
    private String id;

    @Column(nullable = false)
    private String type;

    @Column(name = "dedup_key", nullable = false)
    private String dedupKey;

    /** The signature nonce it came with (unique: a nonce is used once), or null if unsigned. */
    private String nonce;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Outcome outcome;

    private String problem;

    @Column(name = "received_at_ms", nullable = false)
    private Instant receivedAt;

    @Lob
    @Column(nullable = false)
    private String payload;

    protected ReceivedCallback() {}

    ReceivedCallback(
            String id,
            String type,
            String dedupKey,
            String nonce,
            Outcome outcome,
            String problem,
            Instant receivedAt,
            String payload) {
        this.id = id;
        this.type = Texts.cut(type, MAX_TYPE_LENGTH);
        this.dedupKey = dedupKey;
        this.nonce = nonce;
        this.outcome = outcome;
        this.problem = Texts.cut(problem, MAX_PROBLEM_LENGTH);
        this.receivedAt = receivedAt;
        this.payload = payload;
    }

    public String id() {
        return id;
    }

    String dedupKey() {
        return dedupKey;
    }

    String nonce() {
        return nonce;
    }

    public String type() {
        return type;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String problem() {
        return problem;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public String payload() {
        return payload;
    }
}
