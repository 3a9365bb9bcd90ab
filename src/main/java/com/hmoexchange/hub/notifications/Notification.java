package com.hmoexchange.hub.notifications;

import com.hmoexchange.hub.common.Texts;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Objects;

/**
 * An in-app notice, for one audience and its owner (see {@link Recipient}): a practice's billing staff
 * (a claim rejected, partially approved, paid or gone stale), an HMO's staff (a client's request waits),
 * a client's HR officers (a request was decided) or the hub's operators (a quarantined file, a dead
 * letter). Read once for everyone it is addressed to: one person marking it read marks it read for all.
 */
@Entity
public class Notification {

    /** The most a message holds; a longer one (a file name from outside can be of any length) is cut. */
    static final int MESSAGE_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private Audience audience;
    private Long ownerId;
    @Enumerated(EnumType.STRING)
    private NotificationKind kind;
    private String claimNumber;
    private Long changeRequestId;
    private String preauthReference;
    private String message;
    private Instant createdAt;
    private Instant readAt;
    private String readBy;

    protected Notification() {
    }

    Notification(Recipient to, NotificationKind kind, About about, String message, Instant createdAt) {
        this.audience = to.audience();
        this.ownerId = to.ownerId();
        this.kind = Objects.requireNonNull(kind, "kind");
        this.claimNumber = about.claimNumber();
        this.changeRequestId = about.changeRequestId();
        this.preauthReference = about.preAuthReference();
        this.message = Texts.shortened(Objects.requireNonNull(message, "message"), MESSAGE_LENGTH);
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    boolean isFor(Recipient recipient) {
        return audience == recipient.audience() && Objects.equals(ownerId, recipient.ownerId());
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

    public Long getOwnerId() {
        return ownerId;
    }

    public NotificationKind getKind() {
        return kind;
    }

    public String getPreauthReference() {
        return preauthReference;
    }

    public String getClaimNumber() {
        return claimNumber;
    }

    public Long getChangeRequestId() {
        return changeRequestId;
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
