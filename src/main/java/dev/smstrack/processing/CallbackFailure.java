package dev.smstrack.processing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Why the consumer last failed one callback, for the operator who finds it among the dead letters. */
@Entity
@Table(name = "callback_failure")
public class CallbackFailure {

    @Id
    @Column(name = "callback_id")
    private String id;

    @Column(name = "failed_at_ms", nullable = false)
    private Instant failedAt;

    @Column(nullable = false)
    private String reason;

    protected CallbackFailure() {}

    CallbackFailure(String callbackId) {
        this.id = callbackId;
    }

    void failed(Instant at, String why) {
        this.failedAt = at;
        this.reason = why;
    }

    public String callbackId() {
        return id;
    }

    public String reason() {
        return reason;
    }
}
