package com.hmoexchange.hub.notifications;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * An in-app notice: to a practice's billing staff (a claim rejected, partially approved, paid or gone
 * stale) or to the hub's operators (a quarantined file, a dead-lettered message). Read once for everyone
 * it is addressed to: one person at the practice marking it read marks it read for the practice.
 */
@Entity
public class Notification {

    /** Who a notice is for. */
    public enum Audience {
        PRACTICE, OPERATORS
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private Audience audience;
    private Long providerId;
    private String kind;
    private String claimNumber;
    private String message;
    private Instant createdAt;
    private Instant readAt;
    private String readBy;

    protected Notification() {
    }

    void markRead(String by, Instant at) {
        if (readAt == null) {
            this.readAt = at;
            this.readBy = by;
        }
    }

    public Long getId() {
        return id;
    }

    public Audience getAudience() {
        return audience;
    }

    public Long getProviderId() {
        return providerId;
    }

    public String getKind() {
        return kind;
    }

    public String getClaimNumber() {
        return claimNumber;
    }

    public String getMessage() {
        return message;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getReadAt() {
        return readAt;
    }

    public String getReadBy() {
        return readBy;
    }
}
