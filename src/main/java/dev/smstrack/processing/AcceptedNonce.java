package dev.smstrack.processing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A signature nonce already accepted; kept for the timestamp tolerance window. */
@Entity
@Table(name = "accepted_nonce")
public class AcceptedNonce {

    @Id
    private String nonce;

    @Column(name = "accepted_at_ms", nullable = false)
    private Instant acceptedAt;

    protected AcceptedNonce() {}

    AcceptedNonce(String nonce, Instant acceptedAt) {
        this.nonce = nonce;
        this.acceptedAt = acceptedAt;
    }
}
