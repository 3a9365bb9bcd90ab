package com.hmoexchange.hub.security;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A person who signs in to the hub. Only the password's hash is ever stored. */
@Entity
@Table(name = "app_user")
public class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String username;
    private String passwordHash;
    @Enumerated(EnumType.STRING)
    private Role role;
    private Long providerId;
    private Long payerId;
    private Long clientId;
    private boolean enabled;
    private Instant createdAt;
    /** Where invitation and reset links go; null for users made before invitations (they cannot reset by email). */
    private String email;
    private Instant lastSignInAt;
    private Instant previousSignInAt;

    protected AppUser() {
    }

    private AppUser(String username, String passwordHash, Role role, Long providerId, Long payerId) {
        this.username = Objects.requireNonNull(username);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.role = Objects.requireNonNull(role);
        this.providerId = providerId;
        this.payerId = payerId;
        this.enabled = true;
        this.createdAt = Instant.now();
    }

    public static AppUser ofProvider(String username, String passwordHash, Role role, long providerId) {
        if (!role.isProviderSide()) {
            throw new IllegalArgumentException(role + " is not a provider-side role");
        }
        return new AppUser(username, passwordHash, role, providerId, null);
    }

    public static AppUser operator(String username, String passwordHash) {
        return new AppUser(username, passwordHash, Role.OPERATOR, null, null);
    }

    public static AppUser ofPayer(String username, String passwordHash, long payerId) {
        return new AppUser(username, passwordHash, Role.HMO_ADMIN, null, payerId);
    }

    /**
     * A corporate client's user, named by their email address. The hash given is of a secret nobody
     * knows: the user signs in only after setting a password through the link the HMO sent.
     */
    public static AppUser ofClient(String email, String unusablePasswordHash, long payerId, long clientId) {
        AppUser user = new AppUser(email, unusablePasswordHash, Role.CLIENT_USER, null, payerId);
        user.clientId = clientId;
        return user;
    }

    /**
     * A person invited by email, who signs in with that address as their name once they chose a password
     * with the link. The hash given is of a secret nobody knows. Provider-side roles need the practice,
     * HMO_ADMIN the payer they act for; the hub's own staff need neither.
     */
    public static AppUser invited(String email, String unusablePasswordHash, Role role, Long providerId, Long payerId) {
        if (role == Role.CLIENT_USER) {
            throw new IllegalArgumentException("Client users are invited with their client (AppUser.ofClient)");
        }
        if (role.isProviderSide() != (providerId != null) || (role == Role.HMO_ADMIN) != (payerId != null)) {
            throw new IllegalArgumentException(role + " needs " + (role.isProviderSide() ? "a practice"
                    : role == Role.HMO_ADMIN ? "a payer" : "neither a practice nor a payer"));
        }
        AppUser user = new AppUser(email, unusablePasswordHash, role, providerId, payerId);
        user.email = email;
        return user;
    }

    /** Sets the password (its hash) and re-enables the user: what a sign-in link does on first use. */
    public void choosePassword(String newPasswordHash) {
        this.passwordHash = Objects.requireNonNull(newPasswordHash);
        this.enabled = true;
    }

    /** Sets a new password (its hash) without changing whether the user may sign in: a reset or a change. */
    public void replacePassword(String newPasswordHash) {
        this.passwordHash = Objects.requireNonNull(newPasswordHash);
    }

    public void disable() {
        this.enabled = false;
    }

    public void enable() {
        this.enabled = true;
    }

    /** Moves the user to another role of the same side (a practice's, or the hub's own staff). */
    public void changeRole(Role newRole) {
        boolean sameSide = role.isProviderSide() ? newRole.isProviderSide()
                : role.isPlatformSide() ? newRole.isPlatformSide() : role == newRole;
        if (!sameSide) {
            throw new IllegalArgumentException(role + " cannot become " + newRole);
        }
        this.role = newRole;
    }

    public void signedIn(Instant at) {
        this.previousSignInAt = lastSignInAt;
        this.lastSignInAt = at;
    }

    public String getEmail() {
        return email;
    }

    public Instant getLastSignInAt() {
        return lastSignInAt;
    }

    /** The sign-in before the latest: what the user is shown, since the latest is the one they are in. */
    public Instant getPreviousSignInAt() {
        return previousSignInAt;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
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

    public Long getClientId() {
        return clientId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isEnabled() {
        return enabled;
    }
}
