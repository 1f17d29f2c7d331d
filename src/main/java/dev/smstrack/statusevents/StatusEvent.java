package dev.smstrack.statusevents;

import dev.smstrack.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One delivery status Sinch reported for one recipient of a batch. */
@Entity
@Table(name = "status_event")
@NamedQuery(
        name = StatusEvent.BY_BATCH,
        query = "SELECT e FROM StatusEvent e WHERE e.batchId = :batchId ORDER BY e.reportedAt, e.id")
public class StatusEvent {

    static final String BY_BATCH = "StatusEvent.byBatch";

    @Id
    private String id;

    @Column(name = "batch_id", nullable = false)
    private String batchId;

    @Column(nullable = false)
    private String recipient;

    @Column(nullable = false)
    private String status;

    private Integer code;

    @Column(name = "reported_at_ms", nullable = false)
    private Instant reportedAt;

    @Column(name = "received_at_ms", nullable = false)
    private Instant receivedAt;

    @Lob
    @Column(nullable = false)
    private String payload;

    protected StatusEvent() {}

    public StatusEvent(
            String batchId, String recipient, String status, Integer code, Instant reportedAt, String payload) {
        this.id = Ids.newId();
        this.batchId = batchId;
        this.recipient = recipient;
        this.status = status;
        this.code = code;
        this.reportedAt = reportedAt;
        this.receivedAt = Instant.now();
        this.payload = payload;
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

    public String status() {
        return status;
    }

    public Integer code() {
        return code;
    }

    public Instant reportedAt() {
        return reportedAt;
    }

    public String payload() {
        return payload;
    }
}
