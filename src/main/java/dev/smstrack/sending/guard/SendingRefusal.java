package dev.smstrack.sending.guard;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A send the guard refused: who, when, which rule, the field and why (numbers masked). */
@Entity
@Table(name = "sending_refusal")
public class SendingRefusal {

    @Id
    private String id;

    @Column(name = "refused_at_ms", nullable = false)
    private Instant refusedAt;

    @Column(name = "user_name", nullable = false)
    private String user;

    @Column(nullable = false)
    private String reason;

    @Column(nullable = false)
    private String field;

    @Column(nullable = false)
    private String detail;

    protected SendingRefusal() {}

    SendingRefusal(String id, Instant refusedAt, String user, String reason, String field, String detail) {
        this.id = id;
        this.refusedAt = refusedAt;
        this.user = user;
        this.reason = reason;
        this.field = field;
        this.detail = detail;
    }

    SendingRefusals.Kept view() {
        return new SendingRefusals.Kept(refusedAt, user, reason, field, detail);
    }
}
