package com.hmoexchange.hub.tokens;

import com.hmoexchange.hub.security.Role;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A machine client's credential: acts for one practice or one HMO (payer), with its scopes, until it expires or is
 * revoked. Only the digest of the token is kept; the token itself is shown once, when it is made.
 */
@Entity
@Table(name = "api_token")
public class ApiToken {

    /** How often "last used" is written: often enough to tell a token in use, not a write per request. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    private String digest;
    private String hint;
    private String scopes;
    @Enumerated(EnumType.STRING)
    private Role role;
    private Long providerId;
    private Long payerId;
    private long createdByUserId;
    private String createdBy;
    private Instant createdAt;
    private Instant expiresAt;
    private Instant lastUsedAt;
    private Instant revokedAt;
    private String revokedBy;

    protected ApiToken() {
    }

    ApiToken(String name, String digest, String hint, Set<TokenScope> scopes, Role role, Long providerId, Long payerId,
            long createdByUserId, String createdBy, Instant createdAt, Instant expiresAt) {
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("A token needs at least one scope");
        }
        if ((providerId == null) == (payerId == null)) {
            throw new IllegalArgumentException("A token acts for one practice or one HMO");
        }
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("A token must expire after it is made");
        }
        this.name = Objects.requireNonNull(name);
        this.digest = Objects.requireNonNull(digest);
        this.hint = Objects.requireNonNull(hint);
        this.scopes = scopes.stream().map(TokenScope::code).sorted().collect(Collectors.joining(" "));
        this.role = Objects.requireNonNull(role);
        this.providerId = providerId;
        this.payerId = payerId;
        this.createdByUserId = createdByUserId;
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Why the token no longer works at this moment, or null when it does; {@code when} writes a moment for people. */
    String refusal(Instant now, java.util.function.Function<Instant, String> when) {
        if (revokedAt != null) {
            return "This API token (" + name + ") was revoked on " + when.apply(revokedAt) + " by " + revokedBy
                    + ". Ask your administrator for a new one.";
        }
        if (!now.isBefore(expiresAt)) {
            return "This API token (" + name + ") expired on " + when.apply(expiresAt) + ". Ask your administrator for a new one.";
        }
        return null;
    }

    /** Revokes the token from now on; revoking it again changes nothing. */
    boolean revoke(String by, Instant at) {
        if (revokedAt != null) {
            return false;
        }
        this.revokedAt = at;
        this.revokedBy = Objects.requireNonNull(by);
        return true;
    }

    /** Whether "last used" is stale enough at this moment to be written again. */
    boolean lastUsedStale(Instant now) {
        return lastUsedAt == null || lastUsedAt.plus(LAST_USED_RESOLUTION).isBefore(now);
    }

    boolean belongsToPractice() {
        return providerId != null;
    }

    public Set<TokenScope> getScopes() {
        EnumSet<TokenScope> set = EnumSet.noneOf(TokenScope.class);
        Arrays.stream(scopes.split(" ")).map(TokenScope::ofCode).forEach(s -> s.ifPresent(set::add));
        return set;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getHint() {
        return hint;
    }

    public Role getRole() {
        return role;
    }

    public Long getProviderId() {
        return providerId;
    }

    public Long getPayerId() {
        return payerId;
    }

    public long getCreatedByUserId() {
        return createdByUserId;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public String getRevokedBy() {
        return revokedBy;
    }
}
