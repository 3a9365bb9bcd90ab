package com.hmoexchange.hub.changerequests;

import com.hmoexchange.hub.common.Texts;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Objects;

/** An in-app notice for an HMO's staff: a new request (or a bulk file of them) waits for a decision. */
@Entity
public class HmoNotification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long payerId;
    /** The request; null for a notice about a whole bulk file. */
    private Long changeRequestId;
    private String message;
    private Instant createdAt;
    private Instant readAt;
    private String readBy;

    protected HmoNotification() {
    }

    HmoNotification(long payerId, Long changeRequestId, String message, Instant createdAt) {
        this.payerId = payerId;
        this.changeRequestId = changeRequestId;
        // A file name from an email attachment can be of any length; the notice holds 500 characters.
        this.message = Texts.shortened(Objects.requireNonNull(message), 500);
        this.createdAt = createdAt;
    }

    void markRead(String by, Instant at) {
        if (readAt == null) {
            this.readAt = at;
            this.readBy = by;
        }
    }

    Long getId() {
        return id;
    }

    Long getPayerId() {
        return payerId;
    }

    Long getChangeRequestId() {
        return changeRequestId;
    }

    String getMessage() {
        return message;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getReadAt() {
        return readAt;
    }

    String getReadBy() {
        return readBy;
    }
}
