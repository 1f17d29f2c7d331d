package dev.smstrack.bench.baseline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A callback stored as the peer stores it: its bytes, under a key, and nothing else. */
@Entity
@Table(name = "bench_baseline_callback")
public class BaselineRow {

    @Id
    @Column(columnDefinition = "CHAR(36)")
    String id;

    @Column(name = "received_at_ms")
    long receivedAtMs;

    @Column(columnDefinition = "TEXT", nullable = false)
    String body;

    protected BaselineRow() {}

    BaselineRow(String id, long receivedAtMs, String body) {
        this.id = id;
        this.receivedAtMs = receivedAtMs;
        this.body = body;
    }
}
