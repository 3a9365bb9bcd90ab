package com.hmoexchange.hub.claims;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step of a claim's history: from, to, when, by whom (or which message), and why; or news that came late. */
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
    /** News older than the claim's state when it came (the payer's receipt after its review): kept, not a move. */
    private boolean late;

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

    /** News that came after the claim had moved past it: the claim stayed {@code current}. */
    static StatusChange late(ClaimStatus current, ClaimStatus news, Instant at, String by, ChangeSource source, String reason) {
        StatusChange change = new StatusChange(current, news, at, by, source, reason);
        change.late = true;
        return change;
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

    public boolean isLate() {
        return late;
    }
}
