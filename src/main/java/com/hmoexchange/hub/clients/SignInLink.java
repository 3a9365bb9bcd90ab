package com.hmoexchange.hub.clients;

import com.hmoexchange.hub.common.RuleViolation;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Objects;

/**
 * A one-time link that lets a client user set their password. Only the SHA-256 of the link's token
 * is stored, so a copy of the database does not let anyone in. It works once, until it expires,
 * unless a newer link for the same user revoked it.
 */
@Entity
public class SignInLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long userId;
    private String tokenHash;
    private Instant createdAt;
    private Instant expiresAt;
    private Instant usedAt;
    private Instant revokedAt;

    protected SignInLink() {
    }

    SignInLink(long userId, String tokenHash, Instant createdAt, Instant expiresAt) {
        this.userId = userId;
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Marks the link used; refused when it was used, revoked or has expired. */
    void use(Instant now) {
        requireUsable(now);
        this.usedAt = now;
    }

    /** Refused, with what to do, when the link was used, revoked or has expired. */
    void requireUsable(Instant now) {
        if (usedAt != null) {
            throw new RuleViolation("sign-in-link-used",
                    "This sign-in link has already been used. Sign in with the password you chose, or ask your HMO for a new link.");
        }
        if (revokedAt != null) {
            throw new RuleViolation("sign-in-link-revoked",
                    "This sign-in link was replaced by a newer one. Use the latest link your HMO sent.");
        }
        if (!now.isBefore(expiresAt)) {
            throw new RuleViolation("sign-in-link-expired",
                    "This sign-in link expired at " + expiresAt + ". Ask your HMO to send a new one.");
        }
    }

    boolean isOpen() {
        return usedAt == null && revokedAt == null;
    }

    void revoke(Instant now) {
        if (isOpen()) {
            this.revokedAt = now;
        }
    }

    Long getUserId() {
        return userId;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }
}
