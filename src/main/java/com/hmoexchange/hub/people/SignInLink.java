package com.hmoexchange.hub.people;

import com.hmoexchange.hub.common.RuleViolation;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * A one-time link that lets a user choose their first password (an invitation) or replace a forgotten
 * one (a reset). Only the SHA-256 of the link's token
 * is stored, so a copy of the database does not let anyone in. It works once, until it expires,
 * unless a newer link for the same user revoked it.
 */
@Entity
public class SignInLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long userId;
    @Enumerated(EnumType.STRING)
    private LinkPurpose purpose;
    private String tokenHash;
    private Instant createdAt;
    private Instant expiresAt;
    private Instant usedAt;
    private Instant revokedAt;

    protected SignInLink() {
    }

    SignInLink(long userId, LinkPurpose purpose, String tokenHash, Instant createdAt, Instant expiresAt) {
        this.userId = userId;
        this.purpose = Objects.requireNonNull(purpose);
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Marks the link used; refused when it was used, revoked or has expired. */
    void use(Instant now, Function<Instant, String> when) {
        requireUsable(now, when);
        this.usedAt = now;
    }

    /** Refused, with what to do, when the link was used, revoked or has expired ({@code when} writes a time for people). */
    void requireUsable(Instant now, Function<Instant, String> when) {
        String newLink = purpose == LinkPurpose.RESET
                ? "ask for a new one with \"Forgot your password?\" on the sign-in page"
                : "ask whoever invited you (your HMO, your practice's owner or the hub's administrator) for a new one";
        if (usedAt != null) {
            throw new RuleViolation("sign-in-link-used", "This sign-in link has already been used. Sign in with the "
                    + "password you chose, or " + newLink + ".");
        }
        if (revokedAt != null) {
            throw new RuleViolation("sign-in-link-revoked",
                    "This sign-in link was replaced by a newer one. Use the latest link you were sent.");
        }
        if (!now.isBefore(expiresAt)) {
            throw new RuleViolation("sign-in-link-expired",
                    "This sign-in link expired on " + when.apply(expiresAt) + ". To choose a password, " + newLink + ".");
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

    LinkPurpose getPurpose() {
        return purpose;
    }

    Long getUserId() {
        return userId;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }
}
