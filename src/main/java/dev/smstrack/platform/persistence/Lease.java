package dev.smstrack.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Who does a piece of work that one node of a cluster does at a time, and until when. */
@Entity
@Table(name = "lease")
public class Lease {

    @Id
    private String name;

    private String holder;

    @Column(name = "expires_at_ms", nullable = false)
    private Instant expiresAt;

    protected Lease() {}
}
