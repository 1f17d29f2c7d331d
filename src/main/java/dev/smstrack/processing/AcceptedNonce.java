package dev.smstrack.processing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A signature nonce already accepted; kept until a replay of its signature would fail the timestamp check. */
@Entity
@Table(name = "accepted_nonce")
public class AcceptedNonce {

    @Id
    private String nonce;

    @Column(name = "accepted_at_ms", nullable = false)
    private Instant acceptedAt;

    @Column(name = "expires_at_ms", nullable = false)
    private Instant expiresAt;

    protected AcceptedNonce() {}

    AcceptedNonce(String nonce, Instant acceptedAt, Instant expiresAt) {
        this.nonce = nonce;
        this.acceptedAt = acceptedAt;
        this.expiresAt = expiresAt;
    }
}
