package com.hmoexchange.hub.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as controllers see it: who they are and which provider or payer they act for.
 * Every query for tenant data is scoped by {@link #providerId()}.
 */
public record HubUser(long id, String username, String passwordHash, Role role, Long providerId, Long payerId,
        Long clientId, boolean enabled) implements UserDetails {

    static HubUser of(AppUser user) {
        return new HubUser(user.getId(), user.getUsername(), user.getPasswordHash(), user.getRole(),
                user.getProviderId(), user.getPayerId(), user.getClientId(), user.isEnabled());
    }

    /** The same user without the password's hash: what a page session keeps once the password was checked. */
    HubUser withoutPassword() {
        return new HubUser(id, username, "", role, providerId, payerId, clientId, enabled);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** The provider this user works for; only provider-side users have one. */
    public long requireProviderId() {
        if (providerId == null) {
            throw new com.hmoexchange.hub.common.Forbidden(
                    "This action is for a provider's staff; your account (" + role + ") does not belong to a provider.");
        }
        return providerId;
    }

    /** The HMO this user works for; only HMO_ADMIN users have one. */
    public long requireHmoPayerId() {
        if (role != Role.HMO_ADMIN || payerId == null) {
            throw new com.hmoexchange.hub.common.Forbidden(
                    "This action is for an HMO's staff; your account (" + role + ") does not belong to an HMO.");
        }
        return payerId;
    }

    /** The corporate client this user works for; only CLIENT_USER users have one. */
    public long requireClientId() {
        if (role != Role.CLIENT_USER || clientId == null) {
            throw new com.hmoexchange.hub.common.Forbidden(
                    "This action is for a client's users; your account (" + role + ") does not belong to a client.");
        }
        return clientId;
    }

    @Override
    public String toString() {
        return "HubUser[" + username + ", " + role + "]";
    }
}
