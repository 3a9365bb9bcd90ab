package com.hmoexchange.hub.claims;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step of a claim's history: from, to, when, by whom (or which message), and why. */
@Entity
@Table(name = "claim_status_change")
public class StatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private ClaimStatus fromStatus;
    @Enumerated(EnumType.STRING)
    private ClaimStatus toStatus;
    private Instant changedAt;
    private String changedBy;
    @Enumerated(EnumType.STRING)
    private ChangeSource source;
    private String reason;

    protected StatusChange() {
    }

    StatusChange(ClaimStatus from, ClaimStatus to, Instant at, String by, ChangeSource source, String reason) {
        this.fromStatus = from;
        this.toStatus = to;
        this.changedAt = at;
        this.changedBy = by;
        this.source = source;
        this.reason = reason;
    }

    public ClaimStatus getFromStatus() {
        return fromStatus;
    }

    public ClaimStatus getToStatus() {
        return toStatus;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public ChangeSource getSource() {
        return source;
    }

    public String getReason() {
        return reason;
    }
}
